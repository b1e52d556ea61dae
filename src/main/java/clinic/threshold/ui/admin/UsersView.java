package clinic.threshold.ui.admin;

import clinic.threshold.domain.user.UserAccount;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.user.UserService;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Binds the users screen. */
public final class UsersView {
    private final UsersViewModel vm;

    @FXML private TableView<UserAccount> usersTable;
    @FXML private TableColumn<UserAccount, String> usernameColumn;
    @FXML private TableColumn<UserAccount, String> nameColumn;
    @FXML private TableColumn<UserAccount, String> rolesColumn;
    @FXML private TableColumn<UserAccount, String> stateColumn;
    @FXML private Button newUserButton;
    @FXML private Button rolesButton;
    @FXML private Button resetButton;
    @FXML private Button activeButton;
    @FXML private Button unlockButton;
    @FXML private Label messageLabel;
    @FXML private Spinner<Integer> lockSpinner;
    @FXML private Spinner<Integer> signOutSpinner;
    @FXML private javafx.scene.control.CheckBox licensedBox;
    @FXML private Label databaseLabel;
    @FXML private Label databaseHowLabel;

    public UsersView(UsersViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        usersTable.setItems(vm.users());
        usernameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().user().username()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().user().displayName()));
        rolesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().user().roles().stream()
                .map(vm::roleName).sorted().collect(Collectors.joining(", "))));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(state(c.getValue())));
        var selected = usersTable.getSelectionModel().selectedItemProperty();
        for (Button b : java.util.List.of(rolesButton, resetButton, activeButton, unlockButton)) {
            b.disableProperty().bind(selected.isNull().or(vm.busyProperty()));
        }
        activeButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                selected.get() != null && !selected.get().user().active()
                        ? Messages.get("users.reactivate") : Messages.get("users.deactivate"), selected));
        messageLabel.textProperty().bind(vm.messageProperty());
        lockSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 30, 10));
        signOutSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 240, 30));
        lockSpinner.getValueFactory().valueProperty().bindBidirectional(vm.lockMinutesProperty().asObject());
        signOutSpinner.getValueFactory().valueProperty().bindBidirectional(vm.signOutMinutesProperty().asObject());
        licensedBox.selectedProperty().bindBidirectional(vm.licensedItemsProperty());
        databaseLabel.setText(vm.databaseWhere());
        databaseHowLabel.setText(vm.databaseHow());
        vm.load();
    }

    private static String state(UserAccount r) {
        if (!r.user().active()) {
            return Messages.get("users.state.inactive");
        }
        if (r.locked()) {
            return Messages.get("users.state.locked");
        }
        return r.user().mustChangePassword() ? Messages.get("users.state.mustChange") : Messages.get("users.state.active");
    }

    private AppUser selected() {
        return usersTable.getSelectionModel().getSelectedItem().user();
    }

    @FXML
    private void onNewUser() {
        UserDialogs.newUser(usersTable.getScene().getWindow(), vm.roles())
                .ifPresent(n -> vm.create(n.username(), n.displayName(), n.roles(), n.password()));
    }

    @FXML
    private void onRoles() {
        AppUser u = selected();
        UserDialogs.roles(usersTable.getScene().getWindow(), u.username(), vm.roles(), u.roles())
                .ifPresent(r -> vm.setRoles(u, r));
    }

    @FXML
    private void onReset() {
        AppUser u = selected();
        UserDialogs.temporaryPassword(usersTable.getScene().getWindow(), u.username())
                .ifPresent(p -> vm.resetPassword(u, p));
    }

    @FXML
    private void onActive() {
        AppUser u = selected();
        vm.setActive(u, !u.active());
    }

    @FXML
    private void onUnlock() {
        vm.unlock(selected());
    }

    @FXML
    private void onRolePermissions() {
        vm.editRolePermissions(m -> RolePermissionsDialog.show(usersTable.getScene().getWindow(), m));
    }

    @FXML
    private void onSaveIdle() {
        vm.saveIdleTimes();
    }

    @FXML
    private void onSaveLicences() {
        vm.saveLicensedItems();
    }
}
