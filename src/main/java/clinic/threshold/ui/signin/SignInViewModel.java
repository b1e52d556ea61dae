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

/** Sign-in: user name and password in, an open clinic out (or a message that says why not). */
public final class SignInViewModel {
    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final Consumer<ClinicServices> onSignedIn;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<DemoAccount> demoAccounts = FXCollections.observableArrayList();

    public SignInViewModel(ClinicGate gate, TaskExecutor executor, List<DemoAccount> demo, String notice,
                           Consumer<ClinicServices> onSignedIn) {
        this.gate = gate;
        this.executor = executor;
        this.onSignedIn = onSignedIn;
        demoAccounts.setAll(demo);
        message.set(notice == null ? "" : notice);
    }

    public void signIn() {
        if (username.get().isBlank()) {
            message.set(Messages.get("signin.enterName"));
            return;
        }
        String name = username.get();
        char[] pw = Passwords.take(password);
        busy.set(true);
        message.set(Messages.get("signin.checking"));
        executor.run(() -> gate.signIn(name, pw), clinic -> {
            busy.set(false);
            message.set("");
            onSignedIn.accept(clinic);
        }, e -> {
            busy.set(false);
            message.set(e instanceof SignInException s
                    ? Messages.get("signin.error." + s.reason().name(), s.waitSeconds()) : ErrorText.of(e));
        });
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
