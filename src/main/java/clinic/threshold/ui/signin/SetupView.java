package clinic.threshold.ui.signin;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Binds the first-run setup screen. */
public final class SetupView {
    private final SetupViewModel vm;

    @FXML private TextField clinicNameField;
    @FXML private ComboBox<String> timeZoneCombo;
    @FXML private TextField usernameField;
    @FXML private TextField displayNameField;
    @FXML private PasswordField passwordField;
    @FXML private PasswordField confirmField;
    @FXML private Button createButton;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label introLabel;
    @FXML private javafx.scene.control.Hyperlink serverLink;

    public SetupView(SetupViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        clinicNameField.textProperty().bindBidirectional(vm.clinicNameProperty());
        timeZoneCombo.setItems(vm.zones());
        timeZoneCombo.setEditable(true);
        timeZoneCombo.valueProperty().bindBidirectional(vm.timeZoneProperty());
        usernameField.textProperty().bindBidirectional(vm.usernameProperty());
        displayNameField.textProperty().bindBidirectional(vm.displayNameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        confirmField.textProperty().bindBidirectional(vm.confirmProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        createButton.disableProperty().bind(vm.busyProperty());
        introLabel.setText(vm.intro());
        serverLink.setVisible(vm.mayConnectToServer());
        serverLink.setManaged(vm.mayConnectToServer());
        serverLink.disableProperty().bind(vm.busyProperty());
        Platform.runLater(clinicNameField::requestFocus);
    }

    @FXML
    private void onServer() {
        vm.connectToServer();
    }

    @FXML
    private void onCreate() {
        vm.create();
    }
}
