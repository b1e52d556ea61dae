package clinic.threshold.ui.signin;

import clinic.threshold.i18n.Messages;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Binds the sign-in screen. */
public final class SignInView {
    private final SignInViewModel vm;

    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private Button signInButton;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private VBox demoBox;
    @FXML private ListView<DemoAccount> demoList;
    @FXML private VBox restoreBox;
    @FXML private Label restoreLabel;
    @FXML private Button restoreButton;
    @FXML private javafx.scene.layout.HBox serverBox;
    @FXML private Label serverLabel;

    public SignInView(SignInViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        usernameField.textProperty().bindBidirectional(vm.usernameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        showAsError(vm.messageIsErrorProperty().get());
        vm.messageIsErrorProperty().addListener((o, was, is) -> showAsError(is));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        signInButton.disableProperty().bind(vm.busyProperty());
        restoreLabel.textProperty().bind(vm.restoreOfferProperty());
        restoreBox.visibleProperty().bind(vm.restoreOfferProperty().isNotEmpty());
        restoreBox.managedProperty().bind(restoreBox.visibleProperty());
        vm.restoreOfferProperty().addListener((o, a, b) -> restoreButton.setVisible(vm.hasOffer()));
        restoreButton.disableProperty().bind(vm.busyProperty());
        demoBox.setVisible(vm.demo());
        demoBox.setManaged(vm.demo());
        demoList.setItems(vm.demoAccounts());
        demoList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DemoAccount a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null
                        : Messages.get("signin.demo.row", a.username(), a.password(), Messages.get("role." + a.role())));
            }
        });
        demoList.setOnMouseClicked(e -> {
            DemoAccount a = demoList.getSelectionModel().getSelectedItem();
            if (a != null) {
                vm.use(a);
                if (e.getClickCount() == 2) {
                    vm.signIn();
                }
            }
        });
        serverBox.setVisible(vm.onServer());
        serverBox.setManaged(vm.onServer());
        serverLabel.setText(vm.serverLine());
        Platform.runLater(usernameField::requestFocus);
    }

    @FXML
    private void onServerConnection() {
        vm.openConnection();
    }

    @FXML
    private void onRestore() {
        vm.restoreOffered();
    }

    @FXML
    private void onSignIn() {
        vm.signIn();
    }

    /** Refusals in the danger colour; notices (signed out, restored, the demo ready) and "checking" in the normal one. */
    private void showAsError(boolean error) {
        messageLabel.getStyleClass().remove("danger");
        if (error) {
            messageLabel.getStyleClass().add("danger");
        }
    }
}
