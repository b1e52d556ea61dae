package clinic.threshold.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/** Binds the change-password screen. */
public final class ChangePasswordView {
    private final ChangePasswordViewModel vm;
    private final Runnable cancel;

    @FXML private PasswordField currentField;
    @FXML private PasswordField nextField;
    @FXML private PasswordField confirmField;
    @FXML private Button changeButton;
    @FXML private Button cancelButton;
    @FXML private Label messageLabel;

    public ChangePasswordView(ChangePasswordViewModel vm, Runnable cancel) {
        this.vm = vm;
        this.cancel = cancel;
    }

    @FXML
    private void initialize() {
        currentField.textProperty().bindBidirectional(vm.currentProperty());
        nextField.textProperty().bindBidirectional(vm.nextProperty());
        confirmField.textProperty().bindBidirectional(vm.confirmProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        changeButton.disableProperty().bind(vm.busyProperty());
        cancelButton.setVisible(!vm.required());
        cancelButton.setManaged(!vm.required());
        Platform.runLater(currentField::requestFocus);
    }

    @FXML
    private void onChange() {
        vm.change();
    }

    @FXML
    private void onCancel() {
        cancel.run();
    }
}
