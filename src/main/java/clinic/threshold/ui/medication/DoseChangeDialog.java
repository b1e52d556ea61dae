package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Records a new dose from a date on, with the alerts it would raise (a limit, a planned overlap) shown live. */
final class DoseChangeDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final DatePicker from;
    private final TextField dose = new TextField();
    private final ComboBox<Frequency> frequency = DialogFields.choice(Frequency.class, false);
    private final SafetyPanel safety = new SafetyPanel();
    private final Label error = new Label();
    private final SavedOrder order;
    private final MedicationsViewModel vm;

    DoseChangeDialog(Window owner, SavedOrder order, LocalDate today, MedicationsViewModel vm, Consumer<OrderResult> after) {
        this.order = order;
        this.vm = vm;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("medication.dose.change") + ": " + order.order().agent());
        from = DialogFields.datePicker(today);
        DoseChange last = order.order().doses().get(order.order().doses().size() - 1);
        frequency.setValue(last.frequency());
        dose.setPromptText(MedicationText.number(last.dose()));
        dose.setId("dose-new");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        DialogFields.row(grid, "medication.field.current", new Label(MedicationText.dose(order.order(), today)));
        DialogFields.row(grid, "medication.field.from", from);
        DialogFields.row(grid, "medication.field.dose", new VBox(2, dose, new Label(Messages.label(order.order().unit()))));
        DialogFields.row(grid, "medication.field.frequency", frequency);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        VBox box = new VBox(10, grid, safety, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(480);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dose.textProperty().addListener(o -> refresh());
        frequency.valueProperty().addListener(o -> refresh());
        from.valueProperty().addListener(o -> refresh());
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> vm.changeDose(order, change(), safety.override(), r -> {
            done.run();
            after.accept(r);
        }, e -> failed.accept(safety.explain(e))));
    }

    private DoseChange change() throws DialogFields.InputException {
        return new DoseChange(DialogFields.date(from, "medication.field.from", true),
                Fields.dose(dose, "medication.field.dose"), frequency.getValue());
    }

    private void refresh() {
        try {
            List<DoseChange> doses = new ArrayList<>(order.order().doses());
            doses.add(change());
            vm.preview(order.id(), order.order().withDoses(doses), null, safety::show);
        } catch (DialogFields.InputException | RuntimeException e) {
            // nothing to check until the dose and date are typed
        }
    }

    void show() {
        dialog.show();
    }
}
