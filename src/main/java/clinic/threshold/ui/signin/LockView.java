package clinic.threshold.ui.signin;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

/** Binds the lock screen, which covers the whole window while the workstation is idle. */
public final class LockView {
    private final LockViewModel vm;
    private final Runnable signOut;

    @FXML private Label whoLabel;
    @FXML private PasswordField unlockPassword;
    @FXML private Button unlockButton;
    @FXML private Label messageLabel;

    public LockView(LockViewModel vm, Runnable signOut) {
        this.vm = vm;
        this.signOut = signOut;
    }

    @FXML
    private void initialize() {
        whoLabel.setText(vm.who());
        unlockPassword.textProperty().bindBidirectional(vm.passwordProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        unlockButton.disableProperty().bind(vm.busyProperty());
    }

    public void focus() {
        unlockPassword.requestFocus();
    }

    @FXML
    private void onUnlock() {
        vm.unlock();
    }

    @FXML
    private void onSignOut() {
        signOut.run();
    }
}
