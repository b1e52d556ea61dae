package clinic.threshold.ui.outcome;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.outcome.DuplicateEntryException;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Formats;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Outcomes tab: the trend of every instrument with its baseline and cut-off, a table of where each
 * stands (change from baseline, response, remission, the first day of each), the open suicide-risk alerts
 * with the review a clinician documents, and the entry form, keyboard-fast, on the right.
 */
public final class OutcomesView {
    private final OutcomesViewModel vm;
    private final DialogService dialogs;
    private final Clock clock;
    private final OutcomeChart chart = new OutcomeChart();
    /** The scale definitions of the overview shown, by code, for the entries table. */
    private final java.util.Map<String, ScaleDefinition> scales = new java.util.HashMap<>();
    private ScaleEntryPanel panel;

    @FXML private Label asOfLabel;
    @FXML private Label errorLabel;
    @FXML private Label entryError;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private VBox alertBox;
    @FXML private VBox chartBox;
    @FXML private VBox entryBox;
    @FXML private VBox panelBox;
    @FXML private TableView<InstrumentSeries> seriesTable;
    @FXML private TableView<clinic.threshold.domain.outcome.CourseOutcome> courseTable;
    @FXML private javafx.scene.control.Tab courseTab;
    @FXML private javafx.scene.control.TabPane outcomeTables;
    private boolean tablesChosen;
    @FXML private TableView<SavedEntry> scaleEntryTable;
    @FXML private Button scaleVoidButton;
    @FXML private ComboBox<ScaleDefinition> scaleChoice;
    @FXML private Button scaleSaveButton;
    @FXML private Button scaleClearButton;

    public OutcomesView(OutcomesViewModel vm, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        chartBox.getChildren().add(chart);
        javafx.scene.layout.VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        entryError.setId("entry-error");
        boolean record = vm.mayRecord();
        entryBox.setVisible(record);
        entryBox.setManaged(record);
        scaleSaveButton.disableProperty().bind(vm.busyProperty());
        // Enter saves from anywhere in the form (not a default button: that would fire from the whole window).
        entryBox.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !vm.busyProperty().get()) {
                e.consume();
                onSave();
            }
        });
        scaleChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScaleDefinition d) {
                return d == null ? "" : d.name();
            }

            @Override
            public ScaleDefinition fromString(String s) {
                return null;
            }
        });
        scaleChoice.valueProperty().addListener((o, a, b) -> newPanel(b));
        columns();
        seriesTable.setPlaceholder(new Label(Messages.get("outcome.empty")));
        boolean mayVoid = vm.mayRecord();
        scaleVoidButton.setVisible(mayVoid);
        scaleVoidButton.setManaged(mayVoid);
        scaleVoidButton.disableProperty().bind(vm.busyProperty()
                .or(scaleEntryTable.getSelectionModel().selectedItemProperty().isNull()));
        vm.overviewProperty().addListener((o, a, b) -> show(b));
        vm.load();
    }

    private void show(OutcomeOverview o) {
        if (o == null) {
            return;
        }
        asOfLabel.setText(o.baselineFrom() == null ? Messages.get("outcome.asOf", Formats.date(o.asOf()))
                : Messages.get("outcome.asOfEpisode", Formats.date(o.asOf()), Formats.date(o.baselineFrom())));
        seriesTable.getItems().setAll(o.series());
        courseTable.getItems().setAll(o.courseOutcomes());
        o.scales().forEach(d -> scales.put(d.code(), d));
        scaleEntryTable.getItems().setAll(EntryRows.newestFirst(o));
        courseTab.setDisable(o.courses().isEmpty());
        if (!tablesChosen) {
            // A patient treated with TMS is read by course first; the choice is the user's after that.
            tablesChosen = true;
            if (!o.courses().isEmpty()) {
                outcomeTables.getSelectionModel().select(courseTab);
            }
        }
        chart.show(o);
        alerts(o.openAlerts());
        if (scaleChoice.getItems().isEmpty()) {
            scaleChoice.setItems(FXCollections.observableArrayList(o.scales().stream()
                    .sorted(java.util.Comparator.comparing((ScaleDefinition d) -> !d.code().equals("PHQ9"))
                            .thenComparing(ScaleDefinition::name)).toList()));
            scaleChoice.getSelectionModel().selectFirst();
        }
    }

    private void alerts(List<RiskAlert> open) {
        alertBox.getChildren().clear();
        for (RiskAlert a : open) {
            Label l = new Label(Messages.get("outcome.alert", a.scale(), a.items(), Formats.date(a.ratedOn())));
            l.getStyleClass().addAll("danger", "text-bold");
            l.setWrapText(true);
            HBox row = new HBox(10, l);
            row.getStyleClass().add("risk-alert");
            row.setId("risk-alert-" + a.id());
            if (vm.mayReview()) {
                Button review = new Button(Messages.get("outcome.alert.review"));
                review.setId("review-" + a.id());
                review.setOnAction(e -> dialogs.askText(Messages.get("outcome.alert.review"),
                        Messages.get("outcome.alert.reviewHeader"), Messages.get("outcome.alert.reviewNote"))
                        .ifPresent(note -> vm.review(a, note, err -> dialogs.showError(
                                Messages.get("outcome.alert.review"), ErrorText.of(err)))));
                row.getChildren().add(review);
            }
            alertBox.getChildren().add(row);
        }
    }

    private void newPanel(ScaleDefinition d) {
        panelBox.getChildren().clear();
        entryError.setText("");
        if (d == null) {
            return;
        }
        OutcomeOverview o = vm.overviewProperty().get();
        panel = new ScaleEntryPanel(d, LocalDate.now(clock), vm.userName(), o != null && o.itemsLicensed());
        panel.onComplete(() -> scaleSaveButton.requestFocus());
        panelBox.getChildren().add(panel);
        panel.focusFirst();
    }

    private void columns() {
        seriesTable.getColumns().setAll(List.of(
                column("outcome.col.scale", s -> s.scale().name()),
                column("outcome.col.baseline", s -> s.baseline() == null ? "" : s.baseline().total() + " ("
                        + Formats.date(s.baseline().entry().date()) + ")"),
                column("outcome.col.latest", s -> {
                    var last = s.entries().get(s.entries().size() - 1);
                    return last.total() + " " + s.scale().band(last.total()).map(b -> b.label()).orElse("");
                }),
                column("outcome.col.change", s -> s.latest() == null || s.latest().reductionPct() == null ? ""
                        : Messages.get("outcome.change", s.latest().reductionPct().negate().stripTrailingZeros().toPlainString(),
                        Messages.get("outcome.changeKind." + s.latest().change().name()))),
                column("outcome.col.remission", s -> s.latest() != null && s.latest().remission()
                        ? Messages.get("outcome.remission") : ""),
                column("outcome.col.firstResponse", s -> s.firstResponse() == null ? "" : Formats.date(s.firstResponse().date())),
                column("outcome.col.firstRemission", s -> s.firstRemission() == null ? ""
                        : Formats.date(s.firstRemission().date()))));
        double[] widths = {80, 120, 130, 170, 90, 110};
        for (int i = 0; i < widths.length; i++) {
            seriesTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        seriesTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        courseColumns();
        entryColumns();
    }

    /** Every saved entry, newest first: who rated it and who typed it in; the items in the row's tooltip. */
    private void entryColumns() {
        scaleEntryTable.setPlaceholder(new Label(Messages.get("outcome.empty")));
        scaleEntryTable.getColumns().setAll(List.of(
                column("outcome.entries.col.date", (SavedEntry e) -> Formats.date(e.entry().date())),
                column("outcome.col.scale", e -> scale(e).name()),
                column("outcome.entries.col.total", e -> e.entry().isTotalOnly()
                        ? Messages.get("outcome.entries.totalOnly", e.total()) : Integer.toString(e.total())),
                column("outcome.entries.col.band", e -> scale(e).band(e.total()).map(b -> b.label()).orElse("")),
                column("outcome.entries.col.ratedBy", e -> e.entry().ratedBy()),
                column("outcome.entries.col.enteredBy", e -> e.enteredBy())));
        double[] widths = {100, 80, 110, 130, 130, 130};
        for (int i = 0; i < widths.length; i++) {
            scaleEntryTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        scaleEntryTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        scaleEntryTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SavedEntry e, boolean empty) {
                super.updateItem(e, empty);
                setTooltip(empty || e == null ? null : new javafx.scene.control.Tooltip(EntryRows.items(scale(e), e)));
            }
        });
    }

    private ScaleDefinition scale(SavedEntry e) {
        ScaleDefinition d = scales.get(e.entry().scale());
        if (d == null) {
            throw new IllegalStateException("no definition of " + e.entry().scale());
        }
        return d;
    }

    /** Each instrument over each TMS course, from the course baseline; the first session of response and remission. */
    private void courseColumns() {
        courseTable.setId("course-outcomes");
        courseTable.setPlaceholder(new Label(Messages.get("outcome.course.empty")));
        courseTable.getColumns().setAll(List.of(
                column("outcome.col.course", (clinic.threshold.domain.outcome.CourseOutcome c) -> Messages.get(
                        "outcome.course.label", c.course().label(), Formats.date(c.course().start()))),
                column("outcome.col.scale", c -> c.scale().name()),
                column("outcome.col.baseline", c -> c.baseline().total() + " (" + Formats.date(c.baseline().entry().date()) + ")"),
                column("outcome.col.latest", c -> c.latest() == null ? "" : c.latest().total() + " ("
                        + Formats.date(c.latest().entry().date()) + ")"),
                column("outcome.col.change", c -> c.result() == null || c.result().reductionPct() == null ? ""
                        : Messages.get("outcome.change", c.result().reductionPct().negate().stripTrailingZeros().toPlainString(),
                        Messages.get("outcome.changeKind." + c.result().change().name()))),
                column("outcome.col.remission", c -> c.result() != null && c.result().remission()
                        ? Messages.get("outcome.remission") : ""),
                column("outcome.col.firstResponse", c -> c.firstResponse() == null ? "" : Messages.get("outcome.course.at",
                        c.firstResponseSession(), Formats.date(c.firstResponse().date()))),
                column("outcome.col.firstRemission", c -> c.firstRemission() == null ? "" : Messages.get("outcome.course.at",
                        c.firstRemissionSession(), Formats.date(c.firstRemission().date())))));
        double[] widths = {190, 70, 120, 120, 170, 90, 150, 150};
        for (int i = 0; i < widths.length; i++) {
            courseTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        courseTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    @FXML
    private void onSave() {
        save(false);
    }

    private void save(boolean confirmDuplicate) {
        if (panel == null) {
            return;
        }
        try {
            vm.record(panel.read(), confirmDuplicate, this::saved, e -> {
                if (e instanceof DuplicateEntryException d && dialogs.confirm(Messages.get("outcome.entry.title"),
                        Messages.get("outcome.duplicate", d.scale(), Formats.date(d.day())))) {
                    save(true);
                } else if (!(e instanceof DuplicateEntryException)) {
                    entryError.setText(e instanceof ValidationException v ? v.violations().stream()
                            .map(OutcomeText::describe).collect(Collectors.joining("\n")) : ErrorText.of(e));
                }
            });
        } catch (DialogFields.InputException ex) {
            entryError.setText(ex.getMessage());
        }
    }

    private void saved(RecordResult r) {
        entryError.setText(r.safetySignals().isEmpty() ? "" : Messages.get("outcome.saved.alert"));
        newPanel(scaleChoice.getValue());
    }

    /** Voids the selected entry made in error, with a reason; the chart and the course outcomes follow. */
    @FXML
    private void onVoidEntry() {
        SavedEntry e = scaleEntryTable.getSelectionModel().getSelectedItem();
        if (e == null) {
            return;
        }
        OutcomeOverview o = vm.overviewProperty().get();
        String name = o == null ? e.entry().scale() : o.scales().stream().filter(d -> d.code().equals(e.entry().scale()))
                .map(ScaleDefinition::name).findFirst().orElse(e.entry().scale());
        dialogs.askText(Messages.get("outcome.entries.void"), Messages.get("outcome.entries.voidHeader", name,
                Formats.date(e.entry().date()), e.total()), Messages.get("outcome.entries.voidReason"))
                .ifPresent(reason -> vm.voidEntry(e, reason, err -> dialogs.showError(Messages.get("outcome.entries.void"),
                        err instanceof ValidationException v ? v.violations().stream().map(OutcomeText::describe)
                                .collect(Collectors.joining("\n")) : ErrorText.of(err))));
    }

    @FXML
    private void onClear() {
        newPanel(scaleChoice.getValue());
    }

    public OutcomesViewModel viewModel() {
        return vm;
    }

    /** Used by tests: how many course-phase bands the chart draws. */
    int chartPhaseBands() {
        return chart.phaseBands();
    }

    /** Used by tests: the words marked on the chart's points, by entry id. */
    java.util.Map<Long, ChartMarks.Mark> chartMarks() {
        return chart.marks();
    }

    /** Used by tests: how many instrument lines the chart draws. */
    int chartLines() {
        return chart.lines();
    }
}
