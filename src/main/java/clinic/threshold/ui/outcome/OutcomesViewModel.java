package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The Outcomes tab: the patient's rating scales per instrument against the baseline, the open suicide-risk
 * alerts, and recording a new scale; loaded off the JavaFX thread and reloaded after each change.
 */
public final class OutcomesViewModel {
    private final ClinicServices services;
    private final long patientId;
    private final PatientData<OutcomeOverview> data;

    public OutcomesViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
        this.services = services;
        this.patientId = patientId;
        this.data = new PatientData<>(executor, events, patientId, () -> services.outcomes().overview(patientId),
                ErrorText::of);
    }

    public void load() {
        data.load();
    }

    /** Records a scale; failures (a duplicate day included) go to {@code onError} as they are. */
    public void record(ScaleEntry entry, boolean confirmDuplicate, Consumer<RecordResult> onDone, Consumer<Throwable> onError) {
        data.write(() -> services.outcomes().record(patientId, entry, confirmDuplicate), onDone, onError);
    }

    /** Voids an entry made in error, off the JavaFX thread; the tab reloads (series, chart, course outcomes). */
    public void voidEntry(SavedEntry entry, String reason, Consumer<Throwable> onError) {
        data.write(() -> {
            services.outcomes().voidEntry(patientId, entry.id(), entry.version(), reason);
            return null;
        }, r -> { }, e -> {
            // Another workstation changed or voided it first: show what is stored now, then say why.
            if (e instanceof clinic.threshold.domain.common.ConcurrentEditException
                    || e instanceof clinic.threshold.domain.common.NotFoundException) {
                data.load();
            }
            onError.accept(e);
        });
    }

    public void review(RiskAlert alert, String note, Consumer<Throwable> onError) {
        data.write(() -> {
            services.outcomes().reviewAlert(patientId, alert.id(), alert.version(), note);
            return null;
        }, r -> { }, onError);
    }

    public boolean mayRecord() {
        return may(Permission.OUTCOME_RECORD);
    }

    public boolean mayReview() {
        return may(Permission.SAFETY_REVIEW);
    }

    private boolean may(String permission) {
        return services.session().current().map(u -> u.may(permission)).orElse(false);
    }

    public String userName() {
        return services.session().current().map(u -> u.username()).orElse("");
    }

    public void dispose() {
        data.dispose();
    }

    public ReadOnlyObjectProperty<OutcomeOverview> overviewProperty() {
        return data.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public BooleanProperty busyProperty() {
        return data.busyProperty();
    }
}
