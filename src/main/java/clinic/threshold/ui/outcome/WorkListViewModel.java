package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The clinicians' work list: every open suicide-risk alert, and the TMS courses and screenings that wait for a
 * clinician; reloaded whenever a patient changes.
 */
public final class WorkListViewModel {
    private final ClinicServices services;
    private final LatestOnly latest;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final LongConsumer onEvent = id -> load();
    private final ObservableList<RiskAlert> alerts = FXCollections.observableArrayList();
    private final ObservableList<clinic.threshold.domain.tms.TmsAttention> tms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public WorkListViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events) {
        this.services = services;
        this.latest = new LatestOnly(executor);
        this.executor = executor;
        this.events = events;
        events.onChanged(onEvent);
    }

    public void load() {
        busy.set(true);
        boolean alertsToo = mayReview();
        boolean courses = mayManageCourses() || mayRecordScales();
        latest.run(() -> new Lists(alertsToo ? services.outcomes().workList() : List.of(),
                courses ? services.tms().workList() : List.of()), l -> {
            busy.set(false);
            error.set("");
            alerts.setAll(l.alerts());
            tms.setAll(l.tms());
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    /** Documents the review of an alert from the list itself (also for a patient voided since). */
    public void review(RiskAlert alert, String note, java.util.function.Consumer<Throwable> onError) {
        busy.set(true);
        executor.run(() -> {
            services.outcomes().reviewAlert(alert.patientId(), alert.id(), alert.version(), note);
            return null;
        }, r -> {
            busy.set(false);
            events.changed(alert.patientId());
        }, e -> {
            busy.set(false);
            onError.accept(e);
        });
    }

    /** Both lists of one load. */
    private record Lists(List<RiskAlert> alerts, List<clinic.threshold.domain.tms.TmsAttention> tms) {
    }

    public boolean mayManageCourses() {
        return may(clinic.threshold.domain.user.Permission.TMS_COURSE_MANAGE);
    }

    public boolean mayRecordScales() {
        return may(clinic.threshold.domain.user.Permission.OUTCOME_RECORD);
    }

    public boolean mayReview() {
        return may(clinic.threshold.domain.user.Permission.SAFETY_REVIEW);
    }

    private boolean may(String permission) {
        return services.session().current().map(u -> u.may(permission)).orElse(false);
    }

    /** TMS courses and screenings waiting for a clinician (empty for roles that cannot act on them). */
    public ObservableList<clinic.threshold.domain.tms.TmsAttention> tms() {
        return tms;
    }

    public void dispose() {
        events.removeListener(onEvent);
    }

    public ObservableList<RiskAlert> alerts() {
        return alerts;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
