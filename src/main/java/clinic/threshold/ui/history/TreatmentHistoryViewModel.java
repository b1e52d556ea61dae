package clinic.threshold.ui.history;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.domain.history.HistoryOverview;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Treatment history tab: the patient's episodes and trials, and their TRD assessment, loaded off the
 * JavaFX thread in one go and reloaded after every save (the assessment is always the stored history's).
 */
public final class TreatmentHistoryViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final long patientId;
    private final LatestOnly latest;
    private final LongConsumer onEvent;

    private final ReadOnlyObjectWrapper<HistoryOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TreatmentHistoryViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events,
                                     long patientId) {
        this.services = services;
        this.executor = executor;
        this.events = events;
        this.patientId = patientId;
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
        latest.run(() -> services.history().overview(patientId), o -> {
            busy.set(false);
            error.set("");
            overview.set(o);
        }, e -> {
            busy.set(false);
            error.set(HistoryErrors.of(e));
        });
    }

    /** Saves an episode ({@code saved} null for a new one); {@code onDone} runs after success, errors go to {@code onError}. */
    public void saveEpisode(SavedEpisode saved, Episode episode, String note, Runnable onDone, Consumer<String> onError) {
        run(() -> services.history().saveEpisode(patientId, saved == null ? null : saved.id(),
                saved == null ? 0 : saved.version(), episode, note), onDone, onError);
    }

    public void saveTrial(SavedTrial saved, TreatmentTrial trial, Runnable onDone, Consumer<String> onError) {
        run(() -> services.history().saveTrial(patientId, saved == null ? null : saved.id(),
                saved == null ? 0 : saved.version(), trial), onDone, onError);
    }

    public void voidTrial(SavedTrial trial, String reason) {
        run(() -> {
            services.history().voidTrial(patientId, trial.id(), trial.version(), reason);
            return null;
        }, () -> { }, error::set);
    }

    public void voidEpisode(SavedEpisode episode, String reason) {
        run(() -> {
            services.history().voidEpisode(patientId, episode.id(), episode.version(), reason);
            return null;
        }, () -> { }, error::set);
    }

    private <T> void run(Callable<T> work, Runnable onDone, Consumer<String> onError) {
        busy.set(true);
        executor.run(work, r -> {
            busy.set(false);
            error.set("");
            onDone.run();
            load();
        }, e -> {
            busy.set(false);
            onError.accept(HistoryErrors.of(e));
        });
    }

    public boolean mayWrite() {
        return services.session().current().map(u -> u.may(Permission.HISTORY_WRITE)).orElse(false);
    }

    public void dispose() {
        events.removeListener(onEvent);
    }

    public ReadOnlyObjectProperty<HistoryOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public long patientId() {
        return patientId;
    }
}
