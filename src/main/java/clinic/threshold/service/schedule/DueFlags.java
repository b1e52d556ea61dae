package clinic.threshold.service.schedule;

import clinic.threshold.data.medication.MedicationRepository;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.SessionFlags;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.DueAssessment;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtCheck;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.ScheduleRules;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.service.tms.PatientCourses;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The two flags of a run-sheet row, read inside the caller's transaction from the same rules the TMS tab uses
 * (TmsRules and the outcome schedule rules in force; no number of its own):
 * <ul>
 * <li><b>MT due</b>: {@link MtCheck} says a motor threshold is due at that session, with every reason counted (a
 * weekly re-measurement too): the patient's latest threshold up to that day, the last session given before it,
 * the open medication prompts, the coil of the chair booked, and a course's own first threshold. The course's
 * bookings between today and that day are taken as given, and a threshold due at one of them as measured there
 * with that chair's coil: Monday's sheet printed on Friday shows what Monday will need if the days before go as
 * booked. A threshold measured on the day for the course (an MT visit first) serves the session, as the session
 * recorder counts it.</li>
 * <li><b>Scale due</b>: a point of the course's assessment schedule not yet done (or missed) whose window holds
 * that day, so that a scale filled in at this visit would meet it: the baseline in the days before the first
 * session, any other point within the window of its day; or <b>overdue</b>: an overdue point, at a visit on or
 * after its day (a scale then clears it, late or by meeting the next point). Points are read as of today.</li>
 * </ul>
 * Only live TMS bookings of an active course get flags.
 */
final class DueFlags {

    private final DSLContext dsl;
    private final LocalDate today;
    private final TmsReference ref;
    private final ScheduleRules rules;
    private final Map<Long, String> coils = new HashMap<>();
    private final Map<Long, String> devices = new HashMap<>();
    private final Map<Long, List<PatientCourses.Tracked>> courses = new HashMap<>();
    private final Map<Long, List<MotorThreshold>> thresholds = new HashMap<>();
    private final Map<Long, Boolean> prompts = new HashMap<>();
    private final Map<Long, List<Appointment>> liveOfCourse = new HashMap<>();

    private DueFlags(DSLContext dsl, LocalDate today) {
        this.dsl = dsl;
        this.today = today;
        this.ref = PatientCourses.reference(dsl, today);
        this.rules = PatientCourses.scheduleRules(dsl, today);
        for (Chair c : new ResourceRepository(dsl).load().chairs()) {
            coils.put(c.id(), c.coil());
            devices.put(c.id(), c.deviceCode());
        }
    }

    /** The flags of each appointment, by appointment id. */
    static Map<Long, SessionFlags> of(DSLContext dsl, List<Appointment> appointments, LocalDate today) {
        Map<Long, SessionFlags> out = new HashMap<>();
        if (appointments.stream().noneMatch(DueFlags::flagged)) {
            return out;
        }
        DueFlags f = new DueFlags(dsl, today);
        for (Appointment a : appointments) {
            out.put(a.id(), flagged(a) ? f.flags(a) : SessionFlags.NONE);
        }
        return out;
    }

    private static boolean flagged(Appointment a) {
        return a.kind() == AppointmentKind.TMS && a.courseId() != null && a.status().live();
    }

    private SessionFlags flags(Appointment a) {
        PatientCourses.Tracked t = courses.computeIfAbsent(a.patientId(), p -> PatientCourses.track(dsl, p, ref, today))
                .stream().filter(c -> c.course().id() == a.courseId()).findFirst().orElse(null);
        if (t == null || t.course().status() != CourseStatus.ACTIVE) {
            return SessionFlags.NONE;
        }
        Scale s = scale(t.schedule(), a.date(), rules);
        return new SessionFlags(mtDue(a, t), s != Scale.NONE, s == Scale.OVERDUE);
    }

    private boolean mtDue(Appointment a, PatientCourses.Tracked t) {
        LocalDate on = a.date();
        long courseId = a.courseId();
        List<MotorThreshold> mts = thresholds.computeIfAbsent(a.patientId(), p -> new TmsRepository(dsl).motorThresholds(p));
        MotorThreshold latest = mts.stream().filter(m -> !m.measuredOn().isAfter(on)).reduce((x, y) -> y).orElse(null);
        List<LocalDate> given = t.progress().sessions().stream().filter(SavedSession::delivered).map(SavedSession::date)
                .filter(d -> d.isBefore(on)).sorted().toList();
        LocalDate last = given.isEmpty() ? null : given.get(given.size() - 1);
        int count = given.size();
        boolean prompt = prompts.computeIfAbsent(a.patientId(), p -> !new MedicationRepository(dsl).openPrompts(p).isEmpty());
        for (Appointment b : liveOfCourse.computeIfAbsent(courseId, id -> new AppointmentRepository(dsl).liveOfCourse(id, today))) {
            if (!b.date().isBefore(on)) {
                break;
            }
            if (due(latest, b, last, prompt, count, courseId)) {
                latest = new MotorThreshold(0, a.patientId(), courseId, b.date(), 0, null, coil(b), null, null, device(b));
                prompt = false;
            }
            last = b.date();
            count++;
        }
        return due(latest, a, last, prompt, count, courseId);
    }

    private boolean due(MotorThreshold latest, Appointment at, LocalDate lastGiven, boolean prompt, int given, long courseId) {
        if (latest != null && latest.measuredOn().equals(at.date()) && Objects.equals(latest.courseId(), courseId)) {
            return false;
        }
        return !MtCheck.due(latest, at.date(), lastGiven, prompt, coil(at), device(at), ref.rules(),
                given == 0 ? courseId : null).isEmpty();
    }

    private String device(Appointment a) {
        return a.chairId() == null ? null : devices.get(a.chairId());
    }

    private String coil(Appointment a) {
        return a.chairId() == null ? null : coils.get(a.chairId());
    }

    /** Whether a scale is asked for at a visit: not, due, or overdue. */
    enum Scale {
        NONE, DUE, OVERDUE
    }

    /**
     * Whether a scale recorded on {@code on} would meet an open point of the schedule (see the class comment): a
     * point whose window holds that day, or an overdue point, which a score at any later visit clears (by meeting it
     * late or by meeting the point after it; ADR 0014, late and missed points).
     */
    static Scale scale(List<DueAssessment> schedule, LocalDate on, ScheduleRules rules) {
        Scale out = Scale.NONE;
        for (DueAssessment d : schedule) {
            if (d.status() == DueAssessment.Status.OVERDUE && !on.isBefore(d.due())) {
                return Scale.OVERDUE;
            }
            if (d.status().met() || d.status() == DueAssessment.Status.MISSED) {
                continue;
            }
            boolean inWindow = d.kind() == DueAssessment.Kind.BASELINE
                    ? !on.isAfter(d.due()) && !on.isBefore(d.due().minusDays(rules.baselineDaysBefore()))
                    : Math.abs(on.toEpochDay() - d.due().toEpochDay()) <= rules.windowDays();
            if (inWindow) {
                out = Scale.DUE;
            }
        }
        return out;
    }
}
