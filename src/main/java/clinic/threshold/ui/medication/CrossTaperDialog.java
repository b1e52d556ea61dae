package clinic.threshold.ui.medication;

import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Plans a cross-taper in one table: each row is a day of the switch with the dose of the drug going down
 * and of the drug coming up. The taper is pre-filled by halving the current dose weekly to a stop; the new
 * drug's first dose starts its order. The overlap days and the interaction and washout alerts update as
 * the table is typed in; a hard stop needs a documented override.
 */
final class CrossTaperDialog {
    private static final int WEEK = 7;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final SavedOrder from;
    private final MedicationsViewModel vm;
    private final TextField toAgent;
    private final Label toInfo = new Label();
    private final ComboBox<DoseForm> toForm = DialogFields.choice(DoseForm.class, false);
    private final ComboBox<Frequency> toFrequency = DialogFields.choice(Frequency.class, false);
    private final DatePicker startsOn;
    private final GridPane rows = new GridPane();
    private final List<TextField[]> cells = new ArrayList<>();
    private final Label overlap = new Label();
    private final SafetyPanel safety = new SafetyPanel();
    private final Label error = new Label();
    private final MedicationOverview overview;
    private final LocalDate today;

    CrossTaperDialog(Window owner, SavedOrder from, MedicationOverview o, LocalDate today, MedicationsViewModel vm,
                     Consumer<OrderResult> after) {
        this.from = from;
        this.vm = vm;
        this.overview = o;
        this.today = today;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("medication.switch.title", from.order().agent()));
        dialog.setResizable(true);
        toAgent = Fields.drugBox(o, today);
        toAgent.setId("switch-to");
        toForm.setValue(DoseForm.TABLET);
        toFrequency.setValue(Frequency.ONCE_DAILY);
        startsOn = DialogFields.datePicker(today);
        startsOn.setId("switch-start");
        GridPane head = new GridPane();
        head.setHgap(10);
        head.setVgap(8);
        DialogFields.row(head, "medication.switch.from", new Label(from.order().agent() + ", "
                + MedicationText.dose(from.order(), today)));
        DialogFields.row(head, "medication.switch.to", new VBox(4, toAgent, toInfo));
        DialogFields.row(head, "medication.field.form", toForm);
        DialogFields.row(head, "medication.switch.toFrequency", toFrequency);
        DialogFields.row(head, "medication.switch.startsOn", startsOn);
        rows.setHgap(8);
        rows.setVgap(4);
        rows.setId("switch-rows");
        prefill();
        Button addRow = new Button(Messages.get("medication.switch.addRow"));
        addRow.setOnAction(e -> {
            int last = cells.isEmpty() ? -WEEK : parseDay(cells.get(cells.size() - 1)[0].getText()).orElse(0);
            addRow(last + WEEK, "", "");
            refresh();
        });
        overlap.setId("switch-overlap");
        overlap.getStyleClass().add("text-bold");
        overlap.setWrapText(true);
        toInfo.getStyleClass().add("text-muted");
        toInfo.setWrapText(true);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("switch-error");
        Label hint = new Label(Messages.get("medication.switch.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(10, head, hint, rows, new HBox(8, addRow), overlap, safety, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(600);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(620);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("switch-ok");
        toAgent.textProperty().addListener(x -> refresh());
        toForm.valueProperty().addListener(x -> refresh());
        toFrequency.valueProperty().addListener(x -> refresh());
        startsOn.valueProperty().addListener(x -> refresh());
        refresh();
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> {
            Draft d = read();
            vm.crossTaper(from, d.down(), d.to(), d.up(), safety.override(), r -> {
                done.run();
                after.accept(r);
            }, e -> failed.accept(safety.explain(e)));
        });
    }

    /** Halves the current dose each week to a stop (Maudsley's citalopram example: 40, 20, 10, 5, stop). */
    private void prefill() {
        DoseChange current = from.order().doseOn(today);
        BigDecimal dose = current == null ? from.order().doses().get(from.order().doses().size() - 1).dose() : current.dose();
        int day = 0;
        for (int i = 0; i < 3; i++) {
            dose = dose.divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP);
            addRow(day, MedicationText.number(dose), "");
            day += WEEK;
        }
        addRow(day, "0", "");
        String[] header = {"medication.switch.col.day", null, null};
        rows.addRow(0);
        Label dayLabel = new Label(Messages.get(header[0]));
        Label downLabel = new Label(from.order().agent() + " (" + Messages.label(from.order().unit()) + ")");
        Label upLabel = new Label(Messages.get("medication.switch.col.new"));
        upLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> toAgent.getText().isBlank()
                ? Messages.get("medication.switch.col.new") : toAgent.getText().strip() + " (mg)", toAgent.textProperty()));
        for (Label l : List.of(dayLabel, downLabel, upLabel)) {
            l.getStyleClass().add("text-bold");
        }
        rows.add(dayLabel, 0, 0);
        rows.add(downLabel, 1, 0);
        rows.add(upLabel, 2, 0);
    }

    private void addRow(int day, String down, String up) {
        TextField d = new TextField(Integer.toString(day));
        d.setPrefColumnCount(4);
        TextField a = new TextField(down);
        TextField b = new TextField(up);
        int index = cells.size();
        a.setId("switch-down-" + index);
        b.setId("switch-up-" + index);
        d.setId("switch-day-" + index);
        for (TextField f : List.of(d, a, b)) {
            f.textProperty().addListener(x -> refresh());
        }
        cells.add(new TextField[] {d, a, b});
        rows.addRow(index + 1, d, a, b);
    }

    record Draft(MedicationPlan down, MedicationOrder to, MedicationPlan up, LocalDate upStart) {
    }

    private Draft read() throws DialogFields.InputException {
        LocalDate start = DialogFields.date(startsOn, "medication.switch.startsOn", true);
        List<PlanStep> downSteps = new ArrayList<>();
        List<int[]> upDays = new ArrayList<>();
        List<BigDecimal> upDoses = new ArrayList<>();
        for (TextField[] row : cells) {
            String dayText = row[0].getText();
            if ((dayText == null || dayText.isBlank()) && row[1].getText().isBlank() && row[2].getText().isBlank()) {
                continue;
            }
            int day = parseDay(dayText).orElseThrow(() -> new DialogFields.InputException(Messages.get("violation.format",
                    Messages.get("medication.switch.col.day"), Messages.get("history.error.notWholeNumber", dayText))));
            if (!row[1].getText().isBlank()) {
                downSteps.add(new PlanStep(day, DialogFields.number(row[1].getText(), from.order().agent()),
                        from.order().doses().get(from.order().doses().size() - 1).frequency(), null, null, null, null));
            }
            if (!row[2].getText().isBlank()) {
                upDays.add(new int[] {day});
                upDoses.add(DialogFields.number(row[2].getText(), Messages.get("medication.switch.col.new")));
            }
        }
        if (upDays.isEmpty()) {
            throw new DialogFields.InputException(Messages.get("medication.switch.noNewDose"));
        }
        LocalDate upStart = start.plusDays(upDays.get(0)[0]);
        MedicationOrder to = new MedicationOrder(toAgent.getText().strip(), true, null, toForm.getValue(), DoseUnit.MG,
                Route.ORAL, false, upStart, null, null, vm.prescriberName(), from.order().indication(),
                from.order().role() == OrderRole.AUGMENTATION ? OrderRole.AUGMENTATION : OrderRole.MONOTHERAPY, null,
                null, Messages.get("medication.switch.note", from.order().agent()),
                List.of(new DoseChange(upStart, upDoses.get(0), toFrequency.getValue())));
        List<PlanStep> upSteps = new ArrayList<>();
        for (int i = 1; i < upDays.size(); i++) {
            upSteps.add(new PlanStep(upDays.get(i)[0] - upDays.get(0)[0], upDoses.get(i), toFrequency.getValue(),
                    Messages.get("medication.switch.ifTolerated"), null, null, null));
        }
        return new Draft(new MedicationPlan(start, downSteps, Messages.get("medication.switch.note", to.agent())), to,
                new MedicationPlan(upStart, upSteps, null), upStart);
    }

    private static Optional<Integer> parseDay(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Recomputes the overlap and asks for the draft's alerts. */
    private void refresh() {
        Optional<FormularyAgent> a = overview.catalog().agent(toAgent.getText(), today);
        toInfo.setText(toAgent.getText().isBlank() ? "" : a.map(x -> Messages.get("medication.agent.info", x.genericName(),
                Messages.label(x.drugClass()), MedicationText.number(x.minAdequateMgPerDay())))
                .orElse(Messages.get("medication.agent.suggest", String.join(", ", overview.catalog().suggestions(toAgent.getText())))));
        try {
            Draft d = read();
            LocalDate stop = d.down().stopDay();
            if (stop == null) {
                overlap.setText(Messages.get("medication.switch.noStop"));
            } else if (!d.upStart().isAfter(stop.minusDays(1))) {
                long days = java.time.temporal.ChronoUnit.DAYS.between(d.upStart(), stop);
                overlap.setText(Messages.get("medication.switch.overlap", Formats.date(d.upStart()),
                        Formats.date(stop.minusDays(1)), days));
            } else {
                long gap = java.time.temporal.ChronoUnit.DAYS.between(stop.minusDays(1), d.upStart());
                overlap.setText(Messages.get("medication.switch.gap", Formats.date(stop.minusDays(1)), Formats.date(d.upStart()), gap));
            }
            vm.previewSwitch(from, d.down(), d.to(), d.up(), safety::show);
        } catch (DialogFields.InputException | RuntimeException e) {
            overlap.setText("");
        }
    }

    void show() {
        dialog.show();
    }
}
