package clinic.threshold.ui.signin;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.Passwords;
import clinic.threshold.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The idle lock: only the same user's password opens it again. */
public final class LockViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final Runnable onUnlocked;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Runnable signOut;
    private int failures;
    /** Wrong passwords on the lock screen before it signs out instead (the account itself is not locked). */
    static final int MAX_FAILURES = 5;

    public LockViewModel(ClinicServices services, TaskExecutor executor, Runnable onUnlocked, Runnable signOut) {
        this.services = services;
        this.executor = executor;
        this.onUnlocked = onUnlocked;
        this.signOut = signOut;
    }

    public String who() {
        return services.session().current().map(s -> Messages.get("lock.who", s.displayName(), s.username()))
                .orElse("");
    }

    public void unlock() {
        char[] pw = Passwords.take(password);
        busy.set(true);
        executor.run(() -> services.session().unlock(pw), ok -> {
            busy.set(false);
            if (ok) {
                message.set("");
                onUnlocked.run();
            } else if (++failures >= MAX_FAILURES) {
                signOut.run();
            } else {
                message.set(Messages.get("lock.wrong"));
            }
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(e));
        });
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
}
