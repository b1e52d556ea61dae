package clinic.threshold.service.tms;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CoursePreview;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseTracker;
import clinic.threshold.domain.tms.CourseWarning;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.ScreeningRules;
import clinic.threshold.domain.tms.ScreeningState;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.domain.tms.SessionValidator;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.domain.tms.TmsAttention;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.medication.MedicationService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * TMS courses: safety screening and clearance, motor thresholds, starting, extending and stopping courses,
 * recording delivered, missed and cancelled sessions, addenda and gap decisions. Reading needs {@code
 * clinical.read}; screening, motor thresholds and sessions {@code tms.session.record}; courses, clearances and
 * decisions {@code tms.course.manage}. Every write is one transaction with its audit row; nothing is deleted.
 */
public final class TmsService {
    private static final int MAX_REASON = 400;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_SESSIONS = 200;
    private static final String ENTITY_COURSE = "tms_course";
    private static final String ENTITY_SESSION = "tms_session";

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final MedicationService medications;

    public TmsService(Transactor tx, Clock clock, Guard guard, MedicationService medications) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.medications = medications;
    }

    public TmsReference reference() {
        guard.signedIn();
        return tx.read(dsl -> PatientCourses.reference(dsl, LocalDate.now(clock)));
    }

    /**
     * For each protocol, the devices of the active chairs set up to deliver it (the scheduler's chairs); a protocol
     * no chair lists is absent.
     */
    public java.util.Map<String, java.util.Set<String>> protocolDevices() {
        guard.signedIn();
        return tx.read(dsl -> {
            java.util.Map<String, java.util.Set<String>> out = new java.util.TreeMap<>();
            for (var chair : new clinic.threshold.data.schedule.ResourceRepository(dsl).load().chairs()) {
                if (chair.active()) {
                    chair.protocols().forEach(p -> out.computeIfAbsent(p, k -> new java.util.TreeSet<>()).add(chair.deviceCode()));
                }
            }
            return out;
        });
    }

    public TmsOverview overview(long patientId) {
        guard.require(Permission.CLINICAL_READ, "tms.read", patientId);
        return tx.read(dsl -> TmsOverviewReader.read(dsl, patientId, LocalDate.now(clock),
                medications.overviewWithin(dsl, patientId)));
    }

    /** Records a safety screening on the newest form version, read in the same transaction (imports, seeding). */
    public long screen(long patientId, LocalDate on, List<ScreeningAnswer> answers) {
        return screen(patientId, null, on, answers);
    }

    /**
     * Records a safety screening answered on form version {@code formVersion} (the one the screen showed); every
     * item must be answered. Refused when a newer version was saved meanwhile, so that answers given to the old
     * wording are never stored as answers to the new one.
     */
    public long screen(long patientId, Integer formVersion, LocalDate on, List<ScreeningAnswer> answers) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.screen", patientId);
        LocalDate today = LocalDate.now(clock);
        return tx.inDurableTransaction(dsl -> {
            TmsSupport.requirePatient(dsl, patientId);
            TmsReferenceRepository ref = new TmsReferenceRepository(dsl);
            int newest = ref.screeningFormVersion();
            if (formVersion != null && formVersion != newest) {
                throw new ValidationException(Violation.of("form", "tms.error.formChanged", formVersion, newest));
            }
            List<Violation> problems = new ArrayList<>(ScreeningRules.validate(ref.screeningForm(), answers));
            if (on == null) {
                problems.add(0, Violation.of("date", "validation.required"));
            } else if (on.isAfter(today)) {
                problems.add(0, Violation.of("date", "tms.error.future"));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = new TmsRepository(dsl).insertScreening(patientId, newest, on, s.username(), clock.instant(), answers);
            long yes = answers.stream().filter(ScreeningAnswer::yes).count();
            TmsSupport.audit(guard, dsl, s, "tms.screen", patientId, "tms_screening", id, "form " + newest + ", " + yes
                    + " yes");
            return id;
        });
    }

    /** A physician documents the clearance a physician-review "yes" needs; an absolute "yes" cannot be cleared. */
    public void clear(long patientId, long screeningId, int version, String note) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.clear", patientId);
        String text = Texts.required(note, "note", MAX_NOTE);
        tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            Screening sc = repo.screenings(patientId).stream().filter(x -> x.id() == screeningId).findFirst()
                    .orElseThrow(() -> new NotFoundException("Screening", screeningId));
            ScreeningStatus status = ScreeningRules.status(new TmsReferenceRepository(dsl).screeningForm(sc.formVersion()), sc);
            if (status == ScreeningStatus.BLOCKED) {
                throw new ValidationException(Violation.of("screening", "tms.error.absoluteCannotClear"));
            }
            if (status != ScreeningStatus.NEEDS_CLEARANCE) {
                throw new ValidationException(Violation.of("screening", "tms.error.nothingToClear"));
            }
            if (!repo.clear(screeningId, version, s.username(), text, clock.instant())) {
                throw new ConcurrentEditException("Screening", screeningId);
            }
            TmsSupport.audit(guard, dsl, s, "tms.clear", patientId, "tms_screening", screeningId, "physician clearance");
            return null;
        });
    }

    /**
     * Records a motor threshold measured outside a session (a mapping or MT-only visit) on a stimulator of the
     * reference list: its coil is the device's, and a session on another device makes the threshold due again.
     */
    public long recordMotorThresholdOn(long patientId, Long courseId, LocalDate on, int outputPct, MtMethod method,
            String deviceCode, String reason) {
        guard.require(Permission.TMS_SESSION_RECORD, "tms.mt", patientId);
        Device device = deviceCode == null ? null : reference().device(deviceCode).filter(Device::active).orElse(null);
        if (device == null) {
            throw new ValidationException(Violation.of("device", "validation.required"));
        }
        return recordMotorThreshold(patientId, courseId, on, outputPct, method, device.coil(), device.code(), reason);
    }

    /** As {@link #recordMotorThresholdOn}, for a coil typed in without its device (not due on a device change). */
    public long recordMotorThreshold(long patientId, Long courseId, LocalDate on, int outputPct, MtMethod method,
            String coil, String reason) {
        return recordMotorThreshold(patientId, courseId, on, outputPct, method, coil, null, reason);
    }

    private long recordMotorThreshold(long patientId, Long courseId, LocalDate on, int outputPct, MtMethod method,
            String coil, String deviceCode, String reason) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.mt", patientId);
        LocalDate today = LocalDate.now(clock);
        List<Violation> problems = new ArrayList<>();
        if (on == null) {
            problems.add(Violation.of("date", "validation.required"));
        } else if (on.isAfter(today)) {
            problems.add(Violation.of("date", "tms.error.future"));
        }
        if (outputPct < 1 || outputPct > 100) {
            problems.add(Violation.of("mt", "tms.error.mtRange"));
        }
        if (method == null) {
            problems.add(Violation.of("mtMethod", "validation.required"));
        }
        if (coil == null || coil.isBlank()) {
            problems.add(Violation.of("coil", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String why = Texts.required(reason, "reason", 200);
        return tx.inDurableTransaction(dsl -> {
            TmsSupport.requirePatient(dsl, patientId);
            if (courseId != null) {
                TmsSupport.course(dsl, patientId, courseId);
            }
            TmsRepository repo = new TmsRepository(dsl);
            java.time.Instant now = clock.instant(); // one moment: a void of this MT reopens exactly these prompts
            long id = repo.insertMt(patientId, courseId, on, outputPct, method, coil.strip(), deviceCode, s.username(), why, now);
            repo.resolveMtPrompts(patientId, s.username(), now);
            TmsSupport.audit(guard, dsl, s, "tms.mt", patientId, "tms_motor_threshold", id, outputPct + "% " + method);
            return id;
        });
    }

    /** The plan a course would get and the warnings starting it would show, without saving anything. */
    public CoursePreview preview(long patientId, CourseRequest r) {
        guard.require(Permission.CLINICAL_READ, "tms.preview", patientId);
        return tx.read(dsl -> {
            TmsReference ref = PatientCourses.reference(dsl, LocalDate.now(clock));
            Protocol p = TmsSupport.checkRequest(ref, r);
            var plan = new CoursePlanner(ref.calendar()).plan(p.template(), r.start(), r.plannedSessions());
            List<CourseWarning> warnings = new ArrayList<>();
            Warnings.authorization(r.authorization(), plan, warnings);
            warnings.addAll(Warnings.retreatment(r.type(), r.start(), TmsSupport.courses(dsl, patientId), TmsSupport.scores(dsl, patientId, p),
                    ref.rules()));
            return new CoursePreview(plan, warnings);
        });
    }

    /**
     * Starts a course. Refused while the patient's latest safety screening blocks treatment (an absolute "yes",
     * a physician-review "yes" without clearance, none recorded, or a seizure-risk drug started since) or while
     * another course is active.
     */
    public long startCourse(long patientId, CourseRequest r) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.course.start", patientId);
        return tx.inDurableTransaction(dsl -> {
            TmsSupport.requirePatient(dsl, patientId);
            // Two workstations starting a course for one patient at once: the second waits and sees the first.
            new clinic.threshold.data.medication.MedicationRepository(dsl).lockPatient(patientId);
            TmsRepository repo = new TmsRepository(dsl);
            TmsReference ref = PatientCourses.reference(dsl, LocalDate.now(clock));
            Protocol p = TmsSupport.checkRequest(ref, r);
            ScreeningState screening = TmsSupport.screeningState(dsl, patientId, medications.overviewWithin(dsl, patientId));
            if (!screening.allowsTreatment()) {
                throw new ValidationException(Violation.of("screening", TmsSupport.screeningProblem(screening)));
            }
            if (screening.latest().screenedOn().isBefore(r.start().minusDays(ref.rules().screeningMaxAgeDays()))) {
                throw new ValidationException(Violation.of("screening", "tms.error.screeningOld",
                        screening.latest().screenedOn(), ref.rules().screeningMaxAgeDays()));
            }
            if (repo.courses(patientId).stream().anyMatch(c -> c.status() == CourseStatus.ACTIVE)) {
                throw new ValidationException(Violation.of("course", "tms.error.activeCourse"));
            }
            long id = repo.insertCourse(patientId, r, p, screening.latest().id(), s.username(), clock.instant());
            TmsSupport.audit(guard, dsl, s, "tms.course.start", patientId, ENTITY_COURSE, id, p.code() + " " + r.type() + " from "
                    + r.start() + ", " + r.plannedSessions() + " sessions");
            return id;
        });
    }

    /** Adds sessions to a course (an extension; the default step is the rule's, usually 10). */
    public void extend(long patientId, long courseId, int version, int sessions) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.course.extend", patientId);
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new ValidationException(Violation.of("sessions", "tms.error.sessionsRange", 1, MAX_SESSIONS));
        }
        tx.inDurableTransaction(dsl -> {
            Course c = TmsSupport.activeCourse(dsl, patientId, courseId);
            TmsReference ref = PatientCourses.reference(dsl, LocalDate.now(clock));
            CourseProgress progress = CourseTracker.track(c, new TmsRepository(dsl).sessions(courseId),
                    List.of(), ref.calendar(), ref.rules(), LocalDate.now(clock));
            // Extension sessions come before the taper; once the taper has begun, more sessions are a new course.
            if (progress.sessions().stream().filter(SavedSession::delivered).anyMatch(x -> CoursePlanner.phaseOf(
                    c.template(), c.plannedSessions(), x.number()) == clinic.threshold.domain.tms.SessionPhase.TAPER)) {
                throw new ValidationException(Violation.of("sessions", "tms.error.extendInTaper"));
            }
            if (c.plannedSessions() + sessions > MAX_SESSIONS) {
                throw new ValidationException(Violation.of("sessions", "tms.error.sessionsRange", 1, MAX_SESSIONS));
            }
            if (!new TmsRepository(dsl).setPlanned(courseId, version, c.plannedSessions() + sessions)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            TmsSupport.audit(guard, dsl, s, "tms.course.extend", patientId, ENTITY_COURSE, courseId, "+" + sessions + " sessions");
            return null;
        });
    }

    /** Ends a course: completed, or stopped early with a reason. */
    public void endCourse(long patientId, long courseId, int version, CourseStatus status, String reason) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.course.end", patientId);
        if (status == null || status == CourseStatus.ACTIVE) {
            throw new ValidationException(Violation.of("status", "validation.required"));
        }
        String why = status == CourseStatus.STOPPED ? Texts.required(reason, "reason", MAX_REASON)
                : Texts.optional(reason, "reason", MAX_REASON);
        tx.inDurableTransaction(dsl -> {
            TmsSupport.activeCourse(dsl, patientId, courseId);
            if (!new TmsRepository(dsl).setStatus(courseId, version, status, why)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            TmsSupport.audit(guard, dsl, s, "tms.course.end", patientId, ENTITY_COURSE, courseId, status.name());
            return null;
        });
    }

    public void setAuthorization(long patientId, long courseId, int version, Authorization a) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.course.authorization", patientId);
        List<Violation> problems = Warnings.checkAuthorization(a);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        tx.inDurableTransaction(dsl -> {
            TmsSupport.course(dsl, patientId, courseId);
            if (!new TmsRepository(dsl).setAuthorization(courseId, version, a)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            TmsSupport.audit(guard, dsl, s, "tms.course.authorization", patientId, ENTITY_COURSE, courseId, "authorization updated");
            return null;
        });
    }

    /** A clinician's decision after a long gap; "restart" stops this course so a new one can start. */
    public void decide(long patientId, long courseId, GapDecision decision, String note) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.course.decide", patientId);
        if (decision == null) {
            throw new ValidationException(Violation.of("decision", "validation.required"));
        }
        String text = Texts.required(note, "note", MAX_NOTE);
        tx.inDurableTransaction(dsl -> {
            Course c = TmsSupport.activeCourse(dsl, patientId, courseId);
            TmsRepository repo = new TmsRepository(dsl);
            long id = repo.insertDecision(courseId, decision, text, s.username(), LocalDate.now(clock), clock.instant());
            if (decision == GapDecision.RESTART && !repo.setStatus(courseId, c.version(), CourseStatus.STOPPED,
                    "restart after a gap: " + text)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            TmsSupport.audit(guard, dsl, s, "tms.course.decide", patientId, "tms_course_decision", id, decision.name());
            return null;
        });
    }

    /**
     * Records and signs a delivered session. The motor threshold is the one measured today (saved with the
     * session) or the latest; the output and billing code are computed. Refused with every problem named when
     * the entry is invalid, the screening does not allow treatment, a gap decision is pending, the planned
     * sessions are all given, or the motor threshold must be re-measured first.
     */
    public SessionResult recordSession(long patientId, long courseId, SessionEntry e) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.session.record", patientId);
        LocalDate today = LocalDate.now(clock);
        try {
            return tx.inDurableTransaction(dsl -> SessionRecorder.record(dsl, guard, s, patientId, courseId, e, today,
                    clock.instant(), medications.overviewWithin(dsl, patientId)));
        } catch (ValidationException refused) {
            if (refused.violations().stream().anyMatch(v -> v.messageKey().equals("tms.error.rescreenFirst"))) {
                // A safety stop leaves a trace: the session is not saved, so the refusal is audited on its own.
                guard.audit().appendAlone(s.actor(), new AuditEntry("tms.session.record", AuditCategory.PATIENT, patientId,
                        ENTITY_COURSE, Long.toString(courseId), AuditOutcome.FAILED, "refused on " + e.date()
                        + ": pre-session check reports " + (e.check().newMetal() ? "new metal or an implant" : "")
                        + (e.check().newMetal() && e.check().possiblePregnancy() ? " and " : "")
                        + (e.check().possiblePregnancy() ? "a possible pregnancy" : "") + "; a new screening is needed"));
            }
            throw refused;
        }
    }

    /** Records a missed or cancelled session; the rest of the plan moves to the next open days. */
    public long recordMiss(long patientId, long courseId, SessionStatus status, LocalDate date, String reason) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.session.miss", patientId);
        if (status == null || status == SessionStatus.DELIVERED) {
            throw new ValidationException(Violation.of("status", "validation.required"));
        }
        LocalDate today = LocalDate.now(clock);
        return tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            repo.lockCourse(courseId);
            Course c = TmsSupport.activeCourse(dsl, patientId, courseId);
            List<Violation> problems = SessionValidator.validateMiss(c, PatientCourses.reference(dsl, today).calendar(), date,
                    reason, today);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = repo.insertMiss(courseId, patientId, status, date, reason, s.username(), clock.instant());
            TmsSupport.audit(guard, dsl, s, "tms.session.miss", patientId, ENTITY_SESSION, id, status + " " + date);
            return id;
        });
    }

    /** Adds a correction or addition to a signed session (the session itself is locked). */
    public long addendum(long patientId, long sessionId, String text) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.session.addendum", patientId);
        String body = Texts.required(text, "text", MAX_NOTE);
        return tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            long courseId = repo.courseOfSession(sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
            TmsSupport.course(dsl, patientId, courseId);
            long id = repo.insertAddendum(sessionId, body, s.username(), clock.instant());
            TmsSupport.audit(guard, dsl, s, "tms.session.addendum", patientId, ENTITY_SESSION, sessionId, "addendum " + id);
            return id;
        });
    }

    /**
     * Voids a session entered in error (wrong patient or course); the row stays, marked, with the reason. A motor
     * threshold measured at that session is voided with it, and the medication list's "re-determine MT" prompts it
     * answered are open again.
     */
    public void voidSession(long patientId, long sessionId, int version, String reason) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.session.void", patientId);
        String why = Texts.required(reason, "reason", MAX_REASON);
        tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            long courseId = repo.courseOfSession(sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
            TmsSupport.course(dsl, patientId, courseId);
            var target = repo.voidTarget(sessionId);
            if (!repo.voidSession(sessionId, version, why)) {
                throw new ConcurrentEditException("Session", sessionId);
            }
            String extra = "";
            if (target.mtId() != null && repo.voidMtMeasuredWith(target.mtId(), target.recordedAt(), "session voided: " + why)) {
                int reopened = repo.reopenMtPrompts(patientId, target.recordedAt());
                extra = "; its motor threshold voided" + (reopened > 0 ? ", " + reopened + " MT prompt(s) open again" : "");
            }
            TmsSupport.audit(guard, dsl, s, "tms.session.void", patientId, ENTITY_SESSION, sessionId, why + extra);
            return null;
        });
    }

    /** Voids a motor threshold entered in error (it no longer sets any dose); the row stays with the reason. */
    public void voidMotorThreshold(long patientId, long mtId, String reason) {
        UserSession s = guard.require(Permission.TMS_COURSE_MANAGE, "tms.mt.void", patientId);
        String why = Texts.required(reason, "reason", MAX_REASON);
        tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            if (repo.motorThresholds(patientId).stream().noneMatch(m -> m.id() == mtId)) {
                throw new NotFoundException("MotorThreshold", mtId);
            }
            int reopened = repo.reopenMtPrompts(patientId, repo.voidMt(mtId, why));
            TmsSupport.audit(guard, dsl, s, "tms.mt.void", patientId, "tms_motor_threshold", mtId, why
                    + (reopened > 0 ? "; " + reopened + " MT prompt(s) open again" : ""));
            return null;
        });
    }

    /**
     * What waits for someone across the clinic, oldest first: for those who manage courses, courses with the
     * alert number of misses in a row or a gap that needs a decision, and screenings that need a physician's
     * clearance; for those who record scales, courses whose scheduled assessment is overdue.
     */
    public List<TmsAttention> workList() {
        guard.require(Permission.CLINICAL_READ, "tms.worklist", null);
        boolean manage = guard.may(Permission.TMS_COURSE_MANAGE);
        boolean scales = guard.may(Permission.OUTCOME_RECORD);
        LocalDate today = LocalDate.now(clock);
        return tx.read(dsl -> TmsWorkList.read(dsl, today, manage, scales));
    }

}
