package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.MtPrompt;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Medications tab: the orders (current first), a timeline of recorded and planned doses per drug with
 * any cross-taper overlap, the alerts of the selected order with their sources, and the seizure-threshold
 * flags and motor-threshold prompts on top. Prescribing buttons only for those who may prescribe.
 */
public final class MedicationsView {
    private final MedicationsViewModel vm;
    private final DialogService dialogs;
    private final Clock clock;
    private final MedicationTimeline timeline = new MedicationTimeline();

    @FXML private Label asOfLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private FlowPane flags;
    @FXML private VBox timelineBox;
    @FXML private VBox alertBox;
    @FXML private TableView<SavedOrder> orderTable;
    @FXML private Button addButton;
    @FXML private Button doseButton;
    @FXML private Button stopButton;
    @FXML private Button planButton;
    @FXML private Button switchButton;
    @FXML private Button applyButton;
    @FXML private Button trialButton;
    @FXML private Button orderVoidButton;
    @FXML private Button printButton;

    public MedicationsView(MedicationsViewModel vm, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        timelineBox.getChildren().add(timeline);
        timeline.onSelect(id -> orderTable.getItems().stream().filter(o -> o.id() == id).findFirst().ifPresent(o -> {
            orderTable.getSelectionModel().select(o);
            orderTable.scrollTo(o);
        }));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        boolean write = vm.mayPrescribe();
        for (Button b : List.of(addButton, doseButton, stopButton, planButton, switchButton, applyButton, trialButton,
                orderVoidButton)) {
            b.setVisible(write);
            b.setManaged(write);
        }
        BooleanBinding none = orderTable.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty());
        addButton.disableProperty().bind(vm.busyProperty());
        doseButton.disableProperty().bind(none.or(selectedStopped()));
        stopButton.disableProperty().bind(doseButton.disableProperty());
        switchButton.disableProperty().bind(doseButton.disableProperty());
        planButton.disableProperty().bind(doseButton.disableProperty());
        applyButton.disableProperty().bind(doseButton.disableProperty());
        trialButton.disableProperty().bind(none);
        orderVoidButton.disableProperty().bind(none);
        printButton.disableProperty().bind(vm.busyProperty());
        columns();
        orderTable.setPlaceholder(new Label(Messages.get("medication.empty")));
        orderTable.setRowFactory(t -> {
            TableRow<SavedOrder> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && write && !vm.busyProperty().get()) {
                    openOrder(row.getItem());
                }
            });
            return row;
        });
        orderTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showAlerts(b));
        vm.overviewProperty().addListener((o, a, b) -> show(b));
        vm.load();
    }

    private BooleanBinding selectedStopped() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SavedOrder s = orderTable.getSelectionModel().getSelectedItem();
            return s != null && s.order().stop() != null && s.order().stop().isBefore(today());
        }, orderTable.getSelectionModel().selectedItemProperty());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void show(MedicationOverview o) {
        if (o == null) {
            return;
        }
        asOfLabel.setText(Messages.get("medication.asOf", Formats.date(o.asOf()), o.current().size()));
        Long selected = Optional.ofNullable(orderTable.getSelectionModel().getSelectedItem()).map(SavedOrder::id).orElse(null);
        // Current and planned first, then stopped ones, newest first within each.
        List<SavedOrder> sorted = o.orders().stream().sorted(java.util.Comparator
                .comparing((SavedOrder s) -> s.order().stop() != null && s.order().stop().isBefore(o.asOf()))
                .thenComparing(s -> s.order().start(), java.util.Comparator.reverseOrder())).toList();
        orderTable.getItems().setAll(sorted);
        if (selected != null) {
            sorted.stream().filter(s -> s.id() == selected).findFirst().ifPresent(s -> orderTable.getSelectionModel().select(s));
        }
        timeline.show(o);
        showFlags(o);
        showAlerts(orderTable.getSelectionModel().getSelectedItem());
    }

    private void showFlags(MedicationOverview o) {
        flags.getChildren().clear();
        o.seizureFlags().forEach((drug, groups) -> flags.getChildren().add(chip(Messages.get("medication.flag.seizure",
                drug, groups.contains("SEIZURE_STRONG") ? Messages.get("medication.flag.strong")
                        : Messages.get("medication.flag.relative")), "warning")));
        for (MtPrompt p : o.prompts()) {
            flags.getChildren().add(chip(Messages.get("medication.flag.mt", p.agent(), Formats.date(p.effectiveOn())), "accent"));
        }
        long hard = o.alerts().values().stream().flatMap(List::stream).filter(SafetyAlert::hardStop).count();
        if (hard > 0) {
            flags.getChildren().add(chip(Messages.get("medication.flag.hardStops", hard), "danger"));
        }
    }

    private static Label chip(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll("medication-flag", style);
        l.setWrapText(true);
        return l;
    }

    private void showAlerts(SavedOrder s) {
        alertBox.getChildren().clear();
        MedicationOverview o = vm.overviewProperty().get();
        if (s == null || o == null) {
            alertBox.getChildren().add(new Label(Messages.get("medication.alerts.select")));
            return;
        }
        if (s.overrideReason() != null) {
            alertBox.getChildren().add(chip(Messages.get("medication.override.shown", s.overrideBy(), s.overrideReason()), "accent"));
        }
        List<SafetyAlert> alerts = o.alerts().getOrDefault(s.id(), List.of());
        if (alerts.isEmpty()) {
            alertBox.getChildren().add(new Label(Messages.get("medication.alerts.none")));
        }
        for (SafetyAlert a : alerts) {
            Label l = new Label(MedicationText.alert(a));
            l.setWrapText(true);
            l.getStyleClass().add(MedicationText.styleOf(a.level()));
            l.setTooltip(new Tooltip(MedicationText.source(a)));
            alertBox.getChildren().add(l);
        }
    }

    private void columns() {
        TableColumn<SavedOrder, String> alerts = column("medication.col.alerts", this::alertSummary);
        alerts.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("danger", "warning");
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    worst(getTableRow().getItem()).ifPresent(a -> getStyleClass().add(MedicationText.styleOf(a.level())));
                }
            }
        });
        orderTable.getColumns().setAll(List.of(
                column("medication.col.status", s -> MedicationText.status(s.order(), today())),
                column("medication.col.drug", s -> s.order().agent()),
                column("medication.col.dose", s -> MedicationText.dose(s.order(), today())),
                column("medication.col.role", s -> Messages.label(s.order().role())),
                column("medication.col.dates", s -> MedicationText.dates(s.order())),
                column("medication.col.plan", this::planSummary),
                alerts));
        double[] widths = {80, 130, 170, 110, 170, 190};
        for (int i = 0; i < widths.length; i++) {
            orderTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        clinic.threshold.ui.common.Tables.flexLastColumn(orderTable);
    }

    private Optional<SafetyAlert> worst(SavedOrder s) {
        MedicationOverview o = vm.overviewProperty().get();
        return o == null ? Optional.empty() : o.alerts().getOrDefault(s.id(), List.of()).stream()
                .filter(a -> a.level() != clinic.threshold.domain.medication.AlertLevel.NOTICE).findFirst();
    }

    private String alertSummary(SavedOrder s) {
        MedicationOverview o = vm.overviewProperty().get();
        List<SafetyAlert> list = o == null ? List.of() : o.alerts().getOrDefault(s.id(), List.of());
        return list.isEmpty() ? "" : list.stream().map(a -> Messages.label(a.level())).distinct()
                .map(l -> l + " \u00d7" + list.stream().filter(a -> Messages.label(a.level()).equals(l)).count())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private String planSummary(SavedOrder s) {
        return nextStep(s).map(n -> Messages.get("medication.plan.next", Formats.date(n.day()),
                n.step().stops() ? Messages.get("medication.plan.stop") : MedicationText.number(n.step().dose()) + " "
                        + Messages.label(s.order().unit()))).orElse("");
    }

    record NextStep(SavedPlan plan, int stepNo, PlanStep step, LocalDate day) {
    }

    private Optional<NextStep> nextStep(SavedOrder s) {
        MedicationOverview o = vm.overviewProperty().get();
        if (o == null) {
            return Optional.empty();
        }
        NextStep best = null;
        // Steps dated before the last recorded dose were overtaken by it: they are never "next".
        LocalDate recorded = s.order().doses().get(s.order().doses().size() - 1).from();
        for (SavedPlan p : o.plansOf(s.id())) {
            for (int i = 0; i < p.plan().steps().size(); i++) {
                PlanStep step = p.plan().steps().get(i);
                LocalDate day = step.date(p.plan().startsOn());
                if (!step.applied() && day.isAfter(recorded) && (best == null || day.isBefore(best.day()))) {
                    best = new NextStep(p, i + 1, step, day);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private SavedOrder selected() {
        return orderTable.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void onAdd() {
        openOrder(null);
    }

    private void openOrder(SavedOrder existing) {
        MedicationOverview o = vm.overviewProperty().get();
        if (o != null) {
            new OrderDialog(window(), existing, o, today(), vm, this::afterSave).show();
        }
    }

    @FXML
    private void onChangeDose() {
        SavedOrder s = selected();
        if (s != null) {
            new DoseChangeDialog(window(), s, today(), vm, this::afterSave).show();
        }
    }

    @FXML
    private void onStop() {
        SavedOrder s = selected();
        if (s != null) {
            new StopDialog(window(), s, today(), vm, this::afterSave).show();
        }
    }

    @FXML
    private void onPlan() {
        SavedOrder s = selected();
        if (s != null) {
            new PlanDialog(window(), s, today(), vm).show();
        }
    }

    @FXML
    private void onCrossTaper() {
        SavedOrder s = selected();
        MedicationOverview o = vm.overviewProperty().get();
        if (s != null && o != null) {
            new CrossTaperDialog(window(), s, o, today(), vm, this::afterSave).show();
        }
    }

    @FXML
    private void onApplyNext() {
        SavedOrder s = selected();
        if (s == null) {
            return;
        }
        Optional<NextStep> next = nextStep(s);
        if (next.isEmpty()) {
            dialogs.showInfo(Messages.get("medication.plan.applyNext"), Messages.get("medication.plan.nothingToApply"));
            return;
        }
        NextStep n = next.get();
        String what = n.step().stops() ? Messages.get("medication.plan.stop")
                : MedicationText.number(n.step().dose()) + " " + Messages.label(s.order().unit());
        if (!dialogs.confirm(Messages.get("medication.plan.applyNext"), Messages.get("medication.plan.applyConfirm",
                s.order().agent(), what, Formats.date(n.day())))) {
            return;
        }
        clinic.threshold.domain.medication.OrderStopReason reason = null;
        if (n.step().stops() && n.plan().switchId() == null) {
            // A taper to a stop outside a switch: why it stops decides the trial it implies.
            java.util.Map<String, clinic.threshold.domain.medication.OrderStopReason> byLabel = new java.util.LinkedHashMap<>();
            for (var r : clinic.threshold.domain.medication.OrderStopReason.values()) {
                byLabel.put(Messages.label(r), r);
            }
            var choice = new javafx.scene.control.ChoiceDialog<>(Messages.label(
                    clinic.threshold.domain.medication.OrderStopReason.REMISSION_TAPER), byLabel.keySet());
            choice.initOwner(window());
            choice.setTitle(Messages.get("medication.plan.applyNext"));
            choice.setHeaderText(Messages.get("medication.plan.stopReason", s.order().agent()));
            var chosen = choice.showAndWait();
            if (chosen.isEmpty()) {
                return;
            }
            reason = byLabel.get(chosen.get());
        }
        apply(n, reason, null);
    }

    /** Applies a step; a hard stop it meets is explained and, with a documented override, applied after all. */
    private void apply(NextStep n, clinic.threshold.domain.medication.OrderStopReason reason, String override) {
        vm.applyStep(n.plan(), n.stepNo(), reason, override, this::afterSave, e -> {
            if (e instanceof clinic.threshold.domain.medication.SafetyStopException && override == null) {
                dialogs.askText(Messages.get("medication.plan.applyNext"), MedicationErrors.of(e),
                        Messages.get("medication.override.label")).filter(t -> !t.isBlank())
                        .ifPresent(t -> apply(n, reason, t));
            } else {
                dialogs.showError(Messages.get("medication.plan.applyNext"), MedicationErrors.of(e));
            }
        });
    }

    @FXML
    private void onTrial() {
        SavedOrder s = selected();
        if (s != null) {
            vm.proposal(s, p -> {
                if (p == null) {
                    dialogs.showInfo(Messages.get("medication.trial.review"), Messages.get("medication.trial.none"));
                } else {
                    new TrialProposalDialog(window(), p, vm).show();
                }
            });
        }
    }

    @FXML
    private void onVoid() {
        SavedOrder s = selected();
        if (s != null) {
            dialogs.askText(Messages.get("medication.order.void"), Messages.get("medication.void.header"),
                    Messages.get("medication.void.reason")).ifPresent(r -> vm.voidOrder(s, r));
        }
    }

    @FXML
    private void onPrint() {
        dialogs.chooseSaveFile(Messages.get("medication.print"), "medication-plan.pdf").ifPresent(f ->
                vm.exportPlan(f, done -> dialogs.showInfo(Messages.get("medication.print"),
                        Messages.get("medication.print.done", done.toString()))));
    }

    /** After a save: a stop (or a change to a linked order) offers the trial it implies. */
    private void afterSave(OrderResult r) {
        if (r != null && r.proposal() != null) {
            new TrialProposalDialog(window(), r.proposal(), vm).show();
        }
    }

    private javafx.stage.Window window() {
        return orderTable.getScene() == null ? null : orderTable.getScene().getWindow();
    }

    public MedicationsViewModel viewModel() {
        return vm;
    }
}
