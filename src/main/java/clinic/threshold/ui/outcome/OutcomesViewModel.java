package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.RecordResult;
import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The Outcomes tab: the patient's rating scales per instrument against the baseline, the open suicide-risk
 * alerts, and recording a new scale; loaded off the JavaFX thread and reloaded after each change.
 */
public final class OutcomesViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final long patientId;
    private final LatestOnly latest;
    private final LongConsumer onEvent;
    private final ReadOnlyObjectWrapper<OutcomeOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public OutcomesViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
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
        latest.run(() -> services.outcomes().overview(patientId), o -> {
            busy.set(false);
            error.set("");
            overview.set(o);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    /** Records a scale; failures (a duplicate day included) go to {@code onError} as they are. */
    public void record(ScaleEntry entry, boolean confirmDuplicate, Consumer<RecordResult> onDone, Consumer<Throwable> onError) {
        busy.set(true);
        executor.run(() -> services.outcomes().record(patientId, entry, confirmDuplicate), r -> {
            busy.set(false);
            onDone.accept(r);
            events.changed(patientId);
        }, e -> {
            busy.set(false);
            onError.accept(e);
        });
    }

    public void review(RiskAlert alert, String note, Consumer<Throwable> onError) {
        busy.set(true);
        executor.run(() -> {
            services.outcomes().reviewAlert(patientId, alert.id(), alert.version(), note);
            return null;
        }, r -> {
            busy.set(false);
            events.changed(patientId);
        }, e -> {
            busy.set(false);
            onError.accept(e);
        });
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
        events.removeListener(onEvent);
    }

    public ReadOnlyObjectProperty<OutcomeOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
