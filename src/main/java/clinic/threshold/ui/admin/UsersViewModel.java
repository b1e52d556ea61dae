package clinic.threshold.ui.admin;

import clinic.threshold.domain.user.UserAccount;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.settings.SettingsService;
import clinic.threshold.service.user.UserService;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** User administration and the idle-lock settings, for administrators. */
public final class UsersViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> roles = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final IntegerProperty lockMinutes = new SimpleIntegerProperty(SettingsService.IDLE_LOCK_DEFAULT);
    private final IntegerProperty signOutMinutes = new SimpleIntegerProperty(SettingsService.SIGN_OUT_DEFAULT);
    private final BooleanProperty licensedItems = new SimpleBooleanProperty();

    /** Where the clinic's records are (the database setting, issue 13). */
    public String databaseWhere() {
        return Messages.get(services.onServer() ? "settings.database.server" : "settings.database.embedded",
                services.dataLocation());
    }

    /** How the database setting is changed: it belongs to the workstation, not to a signed-in session. */
    public String databaseHow() {
        return Messages.get(services.onServer() ? "settings.database.server.how" : "settings.database.embedded.how");
    }

    public UsersViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    public void load() {
        busy.set(true);
        executor.run(() -> new Loaded(services.users().list(), services.users().roles(),
                services.settings().idleTimes(), services.settings().licensedItems()), l -> {
            busy.set(false);
            users.setAll(l.users);
            roles.setAll(l.roles.entrySet());
            lockMinutes.set(l.idle.lockMinutes());
            signOutMinutes.set(l.idle.signOutMinutes());
            licensedItems.set(l.licensed);
        }, this::fail);
    }

    public void create(String username, String displayName, Set<String> roleCodes, char[] temporaryPassword) {
        act(() -> services.users().create(username, displayName, roleCodes, temporaryPassword),
                Messages.get("users.created", username));
    }

    public void setActive(AppUser u, boolean active) {
        act(() -> services.users().setActive(u.id(), active),
                Messages.get(active ? "users.reactivated" : "users.deactivated", u.username()));
    }

    public void setRoles(AppUser u, Set<String> roleCodes) {
        act(() -> services.users().setRoles(u.id(), roleCodes), Messages.get("users.rolesChanged", u.username()));
    }

    public void resetPassword(AppUser u, char[] temporaryPassword) {
        act(() -> {
            services.users().resetPassword(u.id(), temporaryPassword);
            return null;
        }, Messages.get("users.passwordReset", u.username()));
    }

    public void unlock(AppUser u) {
        act(() -> {
            services.users().unlock(u.id());
            return null;
        }, Messages.get("users.unlocked", u.username()));
    }

    /** The permission grid, loaded off the JavaFX thread and handed to {@code show}. */
    public void editRolePermissions(java.util.function.Function<UserService.RoleMatrix,
            java.util.Optional<Map<String, Set<String>>>> show) {
        busy.set(true);
        executor.run(services.users()::roleMatrix, m -> {
            busy.set(false);
            show.apply(m).ifPresent(changes -> act(() -> {
                for (Map.Entry<String, Set<String>> e : changes.entrySet()) {
                    if (!e.getValue().equals(m.roles().get(e.getKey()))) {
                        services.users().setRolePermissions(e.getKey(), e.getValue());
                    }
                }
                return null;
            }, Messages.get("users.rolePermissions.saved")));
        }, this::fail);
    }

    public void saveLicensedItems() {
        boolean licensed = licensedItems.get();
        act(() -> {
            services.settings().setLicensedItems(licensed);
            return null;
        }, Messages.get(licensed ? "settings.licences.on" : "settings.licences.off"));
    }

    public BooleanProperty licensedItemsProperty() {
        return licensedItems;
    }

    public void saveIdleTimes() {
        int lock = lockMinutes.get();
        int out = signOutMinutes.get();
        act(() -> services.settings().setIdleTimes(lock, out), Messages.get("settings.idle.saved", lock, out));
    }

    private void act(Callable<?> work, String done) {
        busy.set(true);
        executor.run(work, r -> {
            message.set(done);
            load();
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        message.set(ErrorText.of(e));
    }

    public String roleName(String code) {
        return Messages.get("role." + code);
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public ObservableList<Map.Entry<String, String>> roles() {
        return roles;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public IntegerProperty lockMinutesProperty() {
        return lockMinutes;
    }

    public IntegerProperty signOutMinutesProperty() {
        return signOutMinutes;
    }

    private record Loaded(java.util.List<UserAccount> users, Map<String, String> roles,
                          SettingsService.IdleTimes idle, boolean licensed) {
    }
}
