package clinic.threshold.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Binds the form that connects this workstation to a clinic on a PostgreSQL server. */
public final class ServerConnectView {
    private final ServerConnectViewModel vm;
    private final Runnable back;

    @FXML private TextField hostField;
    @FXML private TextField portField;
    @FXML private TextField databaseField;
    @FXML private TextField userField;
    @FXML private ComboBox<String> tlsCombo;
    @FXML private Label tlsHint;
    @FXML private PasswordField passwordField;
    @FXML private Button connectButton;
    @FXML private Button backButton;
    @FXML private Label messageLabel;
    @FXML private Label secretLabel;
    @FXML private ProgressIndicator busyIndicator;

    /** {@code back} returns to the screen the form was opened from. */
    public ServerConnectView(ServerConnectViewModel vm, Runnable back) {
        this.vm = vm;
        this.back = back;
    }

    @FXML
    private void initialize() {
        hostField.textProperty().bindBidirectional(vm.hostProperty());
        portField.textProperty().bindBidirectional(vm.portProperty());
        databaseField.textProperty().bindBidirectional(vm.databaseProperty());
        userField.textProperty().bindBidirectional(vm.userProperty());
        tlsCombo.setItems(vm.tlsModes());
        tlsCombo.valueProperty().bindBidirectional(vm.tlsProperty());
        tlsHint.textProperty().bind(vm.tlsHint());
        vm.tlsOff().addListener((o, was, off) -> danger(off));
        danger(vm.tlsOff().get());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        String where = vm.secretLocation();
        secretLabel.setText(where);
        secretLabel.setManaged(!where.isEmpty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        connectButton.disableProperty().bind(vm.busyProperty());
        backButton.disableProperty().bind(vm.busyProperty());
        Platform.runLater(hostField::requestFocus);
    }

    private void danger(boolean on) {
        tlsHint.getStyleClass().remove("danger");
        if (on) {
            tlsHint.getStyleClass().add("danger");
        }
    }

    @FXML
    private void onConnect() {
        vm.connect();
    }

    @FXML
    private void onBack() {
        back.run();
    }
}
