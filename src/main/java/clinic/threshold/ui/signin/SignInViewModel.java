package clinic.threshold.ui.signin;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Passwords;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sign-in: user name and password in, an open clinic out (or a message that says why not). When the
 * database turns out damaged or missing, the newest verified backup is offered for an administrator to
 * restore with the name and password typed here.
 */
public final class SignInViewModel {
    /** Carries out a restore (the session shows its progress). */
    @FunctionalInterface
    public interface RestoreRequest {
        void restore(java.nio.file.Path backup, String username, char[] password);
    }

    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final Consumer<ClinicServices> onSignedIn;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** Whether the message is a refusal or a problem (shown as one) rather than a notice or progress. */
    private final BooleanProperty messageIsError = new SimpleBooleanProperty();
    private final ObservableList<DemoAccount> demoAccounts = FXCollections.observableArrayList();
    private final StringProperty restoreOffer = new SimpleStringProperty("");
    private final RestoreRequest restore;
    private java.nio.file.Path offered;
    private Runnable openConnection = () -> { };
    private Runnable setUpOnServer = () -> { };

    /** {@code noticeIsError}: the notice reports a failure (a restore that did not complete), not an outcome. */
    public SignInViewModel(ClinicGate gate, TaskExecutor executor, List<DemoAccount> demo, String notice,
                           boolean noticeIsError, Consumer<ClinicServices> onSignedIn, RestoreRequest restore) {
        this.gate = gate;
        this.executor = executor;
        this.onSignedIn = onSignedIn;
        this.restore = restore;
        demoAccounts.setAll(demo);
        message.set(notice == null ? "" : notice);
        messageIsError.set(noticeIsError);
    }

    /**
     * For a clinic on a server: how to open the connection form, and how to go on to setup when the server's clinic
     * turns out to have no accounts yet.
     */
    public void serverActions(Runnable openConnection, Runnable setUpOnServer) {
        this.openConnection = openConnection;
        this.setUpOnServer = setUpOnServer;
    }

    public boolean onServer() {
        return gate.onServer();
    }

    /** Which server this workstation signs in to; empty for the clinic in this folder's own file. */
    public String serverLine() {
        return gate.serverFields().map(f -> Messages.get("signin.server", f.host(), f.port(), f.database()))
                .orElse("");
    }

    public void openConnection() {
        openConnection.run();
    }

    public void signIn() {
        if (username.get().isBlank()) {
            message.set(Messages.get("signin.enterName"));
            messageIsError.set(true);
            return;
        }
        String name = username.get();
        char[] pw = Passwords.take(password);
        busy.set(true);
        message.set(Messages.get("signin.checking"));
        messageIsError.set(false);
        executor.run(() -> gate.signIn(name, pw), clinic -> {
            busy.set(false);
            message.set("");
            onSignedIn.accept(clinic);
        }, e -> {
            busy.set(false);
            if (e instanceof SignInException s && s.reason() == SignInException.Reason.NOT_SET_UP && gate.onServer()) {
                setUpOnServer.run(); // connected before, but nobody finished setting the server's clinic up
                return;
            }
            if (e instanceof SignInException s && s.reason() == SignInException.Reason.NOT_CONNECTED) {
                openConnection.run(); // this computer user holds no password for the server: the form asks for it
                return;
            }
            messageIsError.set(true);
            message.set(e instanceof SignInException s
                    ? Messages.get("signin.error." + s.reason().name(), s.waitSeconds(), s.detail()) : ErrorText.of(e));
            if (e instanceof SignInException s && (s.reason() == SignInException.Reason.DATABASE_DAMAGED
                    || s.reason() == SignInException.Reason.DATABASE_MISSING
                    || s.reason() == SignInException.Reason.DATABASE_UPDATE_FAILED)) {
                offerRestore();
            }
        });
    }

    private void offerRestore() {
        executor.run(gate::newestGoodBackup, b -> {
            offered = b.orElse(null);
            restoreOffer.set(b.map(p -> Messages.get("signin.restoreOffer", p.getFileName().toString()))
                    .orElse(Messages.get("signin.noBackup")));
        }, e -> restoreOffer.set(Messages.get("signin.noBackup")));
    }

    /** Restores the offered backup as the user whose name and password are in the form. */
    public void restoreOffered() {
        if (offered == null) {
            return;
        }
        if (username.get().isBlank() || password.get().isEmpty()) {
            message.set(Messages.get("signin.restoreNeedsAdmin"));
            messageIsError.set(true);
            return;
        }
        restore.restore(offered, username.get(), Passwords.take(password));
    }

    public StringProperty restoreOfferProperty() {
        return restoreOffer;
    }

    public boolean hasOffer() {
        return offered != null;
    }

    /** Fills the form with a demo account. */
    public void use(DemoAccount a) {
        username.set(a.username());
        password.set(a.password());
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty messageIsErrorProperty() {
        return messageIsError;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    public boolean demo() {
        return gate.demo();
    }
}
