package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CoursePreview;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The TMS tab: the patient's courses with their progress, the safety screening, motor thresholds, and every
 * TMS use case (screen, clear, start, record a session or a miss, extend, decide, end). Loaded off the
 * JavaFX thread with the reference data the forms need, and reloaded after each change.
 */
public final class TmsViewModel {
    /**
     * What the tab shows: the patient's TMS picture, the reference data its forms offer, and the devices of the
     * chairs set up for each protocol (the device a first session starts from).
     */
    public record State(TmsOverview overview, TmsReference reference, java.util.Map<String, java.util.Set<String>> protocolDevices) {
    }

    private final ClinicServices services;
    private final TaskExecutor executor;
    private final long patientId;
    private final PatientData<State> data;
    private final javafx.beans.property.ReadOnlyObjectWrapper<TmsOverview> overview =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public TmsViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
        this.services = services;
        this.executor = executor;
        this.patientId = patientId;
        this.data = new PatientData<>(executor, events, patientId,
                () -> new State(services.tms().overview(patientId), services.tms().reference(),
                        services.tms().protocolDevices()), TmsErrors::of);
        data.property().addListener((o, a, b) -> overview.set(b == null ? null : b.overview()));
    }

    public void load() {
        data.load();
    }

    /** Records a screening answered on form version {@code formVersion} (refused if a newer one was saved since). */
    public void screen(int formVersion, LocalDate on, List<ScreeningAnswer> answers, Runnable onDone,
            Consumer<Throwable> onError) {
        data.write(() -> services.tms().screen(patientId, formVersion, on, answers), r -> onDone.run(), onError);
    }

    public void clear(Screening s, String note, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().clear(patientId, s.id(), s.version(), note);
            return null;
        }, r -> onDone.run(), onError);
    }

    public void recordMt(Long courseId, LocalDate on, int pct, MtMethod method, String deviceCode, String reason,
            Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> services.tms().recordMotorThresholdOn(patientId, courseId, on, pct, method, deviceCode, reason),
                r -> onDone.run(), onError);
    }

    /** The plan and warnings a course request would get; a read, it changes nothing. */
    public void preview(CourseRequest r, Consumer<CoursePreview> onDone, Consumer<Throwable> onError) {
        executor.run(() -> services.tms().preview(patientId, r), onDone, onError);
    }

    public void startCourse(CourseRequest r, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> services.tms().startCourse(patientId, r), id -> onDone.run(), onError);
    }

    public void recordSession(CourseView c, SessionEntry e, Consumer<SessionResult> onDone, Consumer<Throwable> onError) {
        data.write(() -> services.tms().recordSession(patientId, c.course().id(), e), onDone, onError);
    }

    public void recordMiss(CourseView c, SessionStatus status, LocalDate on, String reason, Runnable onDone,
            Consumer<Throwable> onError) {
        data.write(() -> services.tms().recordMiss(patientId, c.course().id(), status, on, reason), r -> onDone.run(),
                onError);
    }

    public void extend(CourseView c, int sessions, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().extend(patientId, c.course().id(), c.course().version(), sessions);
            return null;
        }, r -> onDone.run(), onError);
    }

    public void decide(CourseView c, GapDecision d, String note, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().decide(patientId, c.course().id(), d, note);
            return null;
        }, r -> onDone.run(), onError);
    }

    public void endCourse(CourseView c, CourseStatus status, String reason, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().endCourse(patientId, c.course().id(), c.course().version(), status, reason);
            return null;
        }, r -> onDone.run(), onError);
    }

    public void setAuthorization(CourseView c, Authorization a, Runnable onDone, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().setAuthorization(patientId, c.course().id(), c.course().version(), a);
            return null;
        }, r -> onDone.run(), onError);
    }

    public void addendum(SavedSession s, String text, Consumer<Throwable> onError) {
        data.write(() -> services.tms().addendum(patientId, s.id(), text), r -> { }, onError);
    }

    public void voidSession(SavedSession s, String reason, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().voidSession(patientId, s.id(), s.version(), reason);
            return null;
        }, r -> { }, onError);
    }

    public void voidMt(clinic.threshold.domain.tms.MotorThreshold mt, String reason, Consumer<Throwable> onError) {
        data.write(() -> {
            services.tms().voidMotorThreshold(patientId, mt.id(), reason);
            return null;
        }, r -> { }, onError);
    }

    public boolean mayRecord() {
        return may(Permission.TMS_SESSION_RECORD);
    }

    public boolean mayManage() {
        return may(Permission.TMS_COURSE_MANAGE);
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

    public ReadOnlyObjectProperty<State> stateProperty() {
        return data.property();
    }

    /** The patient's TMS picture alone (the chart header follows it). */
    public ReadOnlyObjectProperty<TmsOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public BooleanProperty busyProperty() {
        return data.busyProperty();
    }
}
