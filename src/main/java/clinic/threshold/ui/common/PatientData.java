package clinic.threshold.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What a chart tab shows of one patient: loaded off the JavaFX thread (the newest load wins), reloaded when
 * anything changes the patient, with a busy flag and an error text. Writes run the same way and tell the
 * other tabs the patient changed. The tab's ViewModel keeps the use cases; this keeps the plumbing.
 */
public final class PatientData<T> {
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final long patientId;
    private final Callable<T> loader;
    private final Function<Throwable, String> errorText;
    private final LatestOnly latest;
    private final LongConsumer onEvent;
    private final ReadOnlyObjectWrapper<T> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public PatientData(TaskExecutor executor, PatientEvents events, long patientId, Callable<T> loader,
                       Function<Throwable, String> errorText) {
        this.executor = executor;
        this.events = events;
        this.patientId = patientId;
        this.loader = loader;
        this.errorText = errorText;
        this.latest = new LatestOnly(executor);
        this.onEvent = id -> {
            if (id == patientId) {
                load();
            }
        };
        events.onChanged(onEvent);
    }

    public void load() {
        busy.set(true);
        latest.run(loader, d -> {
            busy.set(false);
            error.set("");
            data.set(d);
        }, e -> {
            busy.set(false);
            error.set(errorText.apply(e));
        });
    }

    /** Runs a change; on success the other tabs hear of it (and this one reloads with them). */
    public <R> void write(Callable<R> work, Consumer<R> onDone, Consumer<Throwable> onError) {
        busy.set(true);
        executor.run(work, r -> {
            busy.set(false);
            error.set("");
            onDone.accept(r);
            events.changed(patientId);
        }, e -> {
            busy.set(false);
            onError.accept(e);
        });
    }

    /** Shows a failure of something the tab started itself (not a load). */
    public void fail(Throwable e) {
        error.set(errorText.apply(e));
    }

    /** Shows a message already worded (a failed change the tab explains its own way). */
    public void showError(String message) {
        error.set(message);
    }

    public void dispose() {
        events.removeListener(onEvent);
    }

    public ReadOnlyObjectProperty<T> property() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
