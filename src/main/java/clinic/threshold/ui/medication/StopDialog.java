package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
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

/**
 * Stops an order: the last day taken and why (the reason decides the trial it proposes: ineffective is a
 * failed trial, an adverse effect an intolerance and must be named).
 */
final class StopDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final DatePicker lastDay;
    private final ComboBox<OrderStopReason> reason = DialogFields.choice(OrderStopReason.class, false);
    private final TextField effect = new TextField();
    private final Label error = new Label();
    private final SafetyPanel safety = new SafetyPanel();

    StopDialog(Window owner, SavedOrder order, LocalDate today, MedicationsViewModel vm, Consumer<OrderResult> after) {
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("medication.order.stop") + ": " + order.order().agent());
        lastDay = DialogFields.datePicker(today);
        reason.setValue(OrderStopReason.INEFFECTIVE);
        reason.setId("stop-reason");
        effect.setId("stop-effect");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        DialogFields.row(grid, "medication.field.lastDay", lastDay);
        DialogFields.row(grid, "medication.field.stopReason", reason);
        Label effectLabel = DialogFields.row(grid, "medication.field.adverseEffect", effect);
        effect.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> reason.getValue() != null && reason.getValue().namesAnEffect(), reason.valueProperty()));
        effectLabel.visibleProperty().bind(effect.visibleProperty());
        effect.managedProperty().bind(effect.visibleProperty());
        effectLabel.managedProperty().bind(effect.visibleProperty());
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        Label hint = new Label(Messages.get("medication.stop.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        // Shown only if the stop itself meets a hard stop (a later last day that now overlaps a planned drug).
        safety.setVisible(false);
        safety.setManaged(false);
        VBox box = new VBox(10, grid, hint, safety, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(460);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("stop-ok");
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> vm.stop(order,
                DialogFields.date(lastDay, "medication.field.lastDay", true), reason.getValue(), effect.getText(),
                safety.override(), r -> {
                    done.run();
                    after.accept(r);
                }, e -> {
                    if (e instanceof clinic.threshold.domain.medication.SafetyStopException) {
                        safety.setVisible(true);
                        safety.setManaged(true);
                    }
                    failed.accept(safety.explain(e));
                }));
    }

    void show() {
        dialog.show();
    }
}
