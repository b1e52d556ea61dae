package clinic.threshold.ui.main;

import clinic.threshold.domain.common.Progress;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Work on the whole data folder (a restore, a compaction): closes the open clinic (if any), runs the job
 * with progress and hands its outcome to {@code done} (or its failure to {@code failed}), which return to the
 * sign-in screen with it.
 * Nothing else can be done on the window meanwhile, so nobody can sign in while files are being switched.
 */
public final class RestoreViewModel {
    private final TaskExecutor executor;
    private final String title;
    private final String hint;
    private final ClinicServices closing;
    private final char[] password;
    private final Function<Progress, String> job;
    private final Consumer<String> done;
    private final Consumer<String> failed;
    private final StringProperty step = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);

    /** {@code job} returns the message for the sign-in screen; {@code password} is cleared if it never runs. */
    public RestoreViewModel(TaskExecutor executor, String title, String hint, ClinicServices closing, char[] password,
                            Function<Progress, String> job, Consumer<String> done, Consumer<String> failed) {
        this.executor = executor;
        this.title = title;
        this.hint = hint;
        this.closing = closing;
        this.password = password;
        this.job = job;
        this.done = done;
        this.failed = failed;
    }

    public String title() {
        return title;
    }

    /** What the user should know while waiting (do not close the window; what comes next). */
    public String hint() {
        return hint;
    }

    public void start() {
        if (closing != null) {
            step.set(Messages.get("restore.step.close"));
        }
        executor.run(() -> {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (RuntimeException e) {
                java.util.Arrays.fill(password, '\0');
                throw e;
            }
            return job.apply((s, f) -> Platform.runLater(() -> {
                step.set(Messages.get("restore.step." + s));
                progress.set(f);
            }));
        }, done, e -> failed.accept(ErrorText.of(e)));
    }

    public StringProperty stepProperty() {
        return step;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}
