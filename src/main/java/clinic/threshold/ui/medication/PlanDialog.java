package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A titration or taper plan for one order: rows of day, new dose (0 stops the drug) and condition ("if
 * tolerated"), from a start date. The alerts of the planned doses (a limit reached on a later step, a
 * planned stop before another drug's start) show live.
 */
final class PlanDialog {
    private static final int WEEK = 7;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final SavedOrder order;
    private final MedicationsViewModel vm;
    private final DatePicker startsOn;
    private final ComboBox<Frequency> frequency = DialogFields.choice(Frequency.class, false);
    private final GridPane rows = new GridPane();
    private final List<TextField[]> cells = new ArrayList<>();
    private final SafetyPanel safety = new SafetyPanel();
    private final Label error = new Label();

    PlanDialog(Window owner, SavedOrder order, LocalDate today, MedicationsViewModel vm) {
        this.order = order;
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("medication.plan.title", order.order().agent()));
        dialog.setResizable(true);
        startsOn = DialogFields.datePicker(today.plusDays(1));
        startsOn.setId("plan-start");
        DoseChange last = order.order().doses().get(order.order().doses().size() - 1);
        frequency.setValue(last.frequency());
        GridPane head = new GridPane();
        head.setHgap(10);
        head.setVgap(8);
        DialogFields.row(head, "medication.field.current", new Label(MedicationText.dose(order.order(), today)));
        DialogFields.row(head, "medication.field.startsOn", startsOn);
        DialogFields.row(head, "medication.field.frequency", frequency);
        rows.setHgap(8);
        rows.setVgap(4);
        List<String> keys = List.of("medication.switch.col.day", "medication.plan.col.dose", "medication.plan.col.condition");
        for (int c = 0; c < keys.size(); c++) {
            Label l = new Label(Messages.get(keys.get(c), Messages.label(order.order().unit())));
            l.getStyleClass().add("text-bold");
            rows.add(l, c, 0);
        }
        for (int i = 0; i < 3; i++) {
            addRow(i * WEEK);
        }
        Button addRow = new Button(Messages.get("medication.switch.addRow"));
        addRow.setOnAction(e -> addRow(cells.size() * WEEK));
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("plan-error");
        Label hint = new Label(Messages.get("medication.plan.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(10, head, hint, rows, addRow, safety, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(560);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("plan-ok");
        startsOn.valueProperty().addListener(x -> refresh());
        frequency.valueProperty().addListener(x -> refresh());
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> vm.savePlan(order, read(), safety.override(),
                p -> done.run(), e -> failed.accept(safety.explain(e))));
    }

    private void addRow(int day) {
        int index = cells.size();
        TextField d = new TextField(Integer.toString(day));
        d.setPrefColumnCount(4);
        TextField dose = new TextField();
        dose.setId("plan-dose-" + index);
        TextField condition = new TextField(index == 0 ? "" : Messages.get("medication.switch.ifTolerated"));
        for (TextField f : List.of(d, dose, condition)) {
            f.textProperty().addListener(x -> refresh());
        }
        cells.add(new TextField[] {d, dose, condition});
        rows.addRow(index + 1, d, dose, condition);
    }

    private MedicationPlan read() throws DialogFields.InputException {
        LocalDate start = DialogFields.date(startsOn, "medication.field.startsOn", true);
        List<PlanStep> steps = new ArrayList<>();
        for (TextField[] row : cells) {
            if (row[1].getText().isBlank()) {
                continue;
            }
            Integer day = DialogFields.wholeNumber(row[0].getText(), "medication.switch.col.day");
            if (day == null) {
                throw new DialogFields.InputException(Messages.get("violation.format",
                        Messages.get("medication.switch.col.day"), Messages.get("history.error.required")));
            }
            steps.add(new PlanStep(day, DialogFields.number(row[1].getText(), Messages.get("medication.field.dose")),
                    frequency.getValue(), row[2].getText().isBlank() ? null : row[2].getText().strip(), null, null, null));
        }
        return new MedicationPlan(start, steps, null);
    }

    private void refresh() {
        try {
            vm.preview(order.id(), order.order(), read(), safety::show);
        } catch (DialogFields.InputException | RuntimeException e) {
            // nothing to check until a step is typed
        }
    }

    void show() {
        dialog.show();
    }
}
