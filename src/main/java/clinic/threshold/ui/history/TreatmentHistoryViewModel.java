package clinic.threshold.ui.history;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.domain.history.HistoryOverview;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The Treatment history tab: the patient's episodes and trials, and their TRD assessment, loaded off the
 * JavaFX thread in one go and reloaded after every save (the assessment is always the stored history's).
 */
public final class TreatmentHistoryViewModel {
    private final ClinicServices services;
    private final long patientId;
    private final PatientData<HistoryOverview> data;

    public TreatmentHistoryViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events,
                                     long patientId) {
        this.services = services;
        this.patientId = patientId;
        this.data = new PatientData<>(executor, events, patientId, () -> services.history().overview(patientId),
                HistoryErrors::of);
    }

    public void load() {
        data.load();
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
        }, () -> { }, data::showError);
    }

    public void voidEpisode(SavedEpisode episode, String reason) {
        run(() -> {
            services.history().voidEpisode(patientId, episode.id(), episode.version(), reason);
            return null;
        }, () -> { }, data::showError);
    }

    /** A change; when it is saved every tab of the patient (this one too) reloads. */
    private <T> void run(Callable<T> work, Runnable onDone, Consumer<String> onError) {
        data.write(work, r -> onDone.run(), e -> onError.accept(HistoryErrors.of(e)));
    }

    public boolean mayWrite() {
        return services.session().current().map(u -> u.may(Permission.HISTORY_WRITE)).orElse(false);
    }

    public void dispose() {
        data.dispose();
    }

    public ReadOnlyObjectProperty<HistoryOverview> overviewProperty() {
        return data.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public BooleanProperty busyProperty() {
        return data.busyProperty();
    }

    public long patientId() {
        return patientId;
    }
}
