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

/** Changing one's own password (required after an administrator set a temporary one). */
public final class ChangePasswordViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final Runnable onDone;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final boolean required;

    public ChangePasswordViewModel(ClinicServices services, TaskExecutor executor, boolean required, Runnable onDone) {
        this.services = services;
        this.executor = executor;
        this.required = required;
        this.onDone = onDone;
        if (required) {
            message.set(Messages.get("password.required"));
        }
    }

    public void change() {
        char[] c = Passwords.take(current);
        char[] n = Passwords.take(next);
        char[] k = Passwords.take(confirm);
        busy.set(true);
        executor.run(() -> {
            services.session().changePassword(c, n, k);
            return Boolean.TRUE;
        }, ok -> {
            busy.set(false);
            onDone.run();
        }, e -> {
            busy.set(false);
            message.set(ErrorText.of(e));
        });
    }

    public boolean required() {
        return required;
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
