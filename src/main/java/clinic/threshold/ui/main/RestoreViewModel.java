package clinic.threshold.ui.main;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A restore in progress: closes the open clinic (if any), restores the backup through the gate and reports
 * the outcome to {@code done}, which returns to the sign-in screen with it. Nothing else can be done on the
 * window meanwhile, so nobody can sign in while files are being switched.
 */
public final class RestoreViewModel {
    private final ClinicGate gate;
    private final TaskExecutor executor;
    private final Path archive;
    private final String username;
    private final char[] password;
    private final ClinicServices closing;
    private final Consumer<String> done;
    private final StringProperty step = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);

    public RestoreViewModel(ClinicGate gate, TaskExecutor executor, Path archive, String username, char[] password,
                            ClinicServices closing, Consumer<String> done) {
        this.gate = gate;
        this.executor = executor;
        this.archive = archive;
        this.username = username;
        this.password = password;
        this.closing = closing;
        this.done = done;
    }

    public String title() {
        return Messages.get("restore.title", archive.getFileName().toString());
    }

    public void start() {
        step.set(Messages.get("restore.step.close"));
        executor.run(() -> {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (RuntimeException e) {
                java.util.Arrays.fill(password, '\0');
                throw e;
            }
            return gate.restore(archive, username, password, (s, f) -> Platform.runLater(() -> {
                step.set(Messages.get("restore.step." + s));
                progress.set(f);
            }));
        }, r -> done.accept(Messages.get("backup.restore.done", r.backup(), r.createdAt(), r.replacedFiles())),
                e -> done.accept(ErrorText.of(e)));
    }

    public StringProperty stepProperty() {
        return step;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
