package clinic.threshold.service.tms;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.BillingCode;
import clinic.threshold.domain.tms.BillingCoder;
import clinic.threshold.domain.tms.BillingRule;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CoursePreview;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseTracker;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.CourseWarning;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtCheck;
import clinic.threshold.domain.tms.MtDueReason;
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
import clinic.threshold.domain.tms.TmsRules;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.medication.MedicationService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * TMS courses: safety screening and clearance, motor thresholds, starting, extending and stopping courses,
 * recording delivered, missed and cancelled sessions, addenda and gap decisions. Reading needs {@code
 * clinical.read}; screening, motor thresholds and sessions {@code tms.session.record}; courses, clearances and
 * decisions {@code tms.course.manage}. Every write is one transaction with its audit row; nothing is deleted.
 */
public final class TmsService {
    private static final int MAX_REASON = 400;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_INDICATION = 200;
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
        return tx.read(dsl -> reference(dsl, LocalDate.now(clock)));
    }

    public TmsOverview overview(long patientId) {
        guard.require(Permission.CLINICAL_READ, "tms.read", patientId);
        return tx.read(dsl -> overview(dsl, patientId));
    }

    /** Records a safety screening on the newest form version; every item must be answered. */
    public long screen(long patientId, LocalDate on, List<ScreeningAnswer> answers) {
        UserSession s = guard.require(Permission.TMS_SESSION_RECORD, "tms.screen", patientId);
        LocalDate today = LocalDate.now(clock);
        return tx.inDurableTransaction(dsl -> {
            requirePatient(dsl, patientId);
            TmsReferenceRepository ref = new TmsReferenceRepository(dsl);
            List<Violation> problems = new ArrayList<>(ScreeningRules.validate(ref.screeningForm(), answers));
            if (on == null) {
                problems.add(0, Violation.of("date", "validation.required"));
            } else if (on.isAfter(today)) {
                problems.add(0, Violation.of("date", "tms.error.future"));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = new TmsRepository(dsl).insertScreening(patientId, ref.screeningFormVersion(), on, s.username(),
                    clock.instant(), answers);
            long yes = answers.stream().filter(ScreeningAnswer::yes).count();
            audit(dsl, s, "tms.screen", patientId, "tms_screening", id, "form " + ref.screeningFormVersion() + ", " + yes
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
            audit(dsl, s, "tms.clear", patientId, "tms_screening", screeningId, "physician clearance");
            return null;
        });
    }

    /** Records a motor threshold measured outside a session (a mapping or MT-only visit). */
    public long recordMotorThreshold(long patientId, Long courseId, LocalDate on, int outputPct, MtMethod method,
            String coil, String reason) {
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
            requirePatient(dsl, patientId);
            if (courseId != null) {
                course(dsl, patientId, courseId);
            }
            TmsRepository repo = new TmsRepository(dsl);
            java.time.Instant now = clock.instant(); // one moment: a void of this MT reopens exactly these prompts
            long id = repo.insertMt(patientId, courseId, on, outputPct, method, coil.strip(), s.username(), why, now);
            repo.resolveMtPrompts(patientId, s.username(), now);
            audit(dsl, s, "tms.mt", patientId, "tms_motor_threshold", id, outputPct + "% " + method);
            return id;
        });
    }

    /** The plan a course would get and the warnings starting it would show, without saving anything. */
    public CoursePreview preview(long patientId, CourseRequest r) {
        guard.require(Permission.CLINICAL_READ, "tms.preview", patientId);
        return tx.read(dsl -> {
            TmsReference ref = reference(dsl, LocalDate.now(clock));
            Protocol p = checkRequest(ref, r);
            var plan = new CoursePlanner(ref.calendar()).plan(p.template(), r.start(), r.plannedSessions());
            List<CourseWarning> warnings = new ArrayList<>();
            Warnings.authorization(r.authorization(), plan, warnings);
            warnings.addAll(Warnings.retreatment(r.type(), r.start(), courses(dsl, patientId), scores(dsl, patientId, p),
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
            requirePatient(dsl, patientId);
            // Two workstations starting a course for one patient at once: the second waits and sees the first.
            new clinic.threshold.data.medication.MedicationRepository(dsl).lockPatient(patientId);
            TmsRepository repo = new TmsRepository(dsl);
            TmsReference ref = reference(dsl, LocalDate.now(clock));
            Protocol p = checkRequest(ref, r);
            ScreeningState screening = screeningState(dsl, patientId, ref);
            if (!screening.allowsTreatment()) {
                throw new ValidationException(Violation.of("screening", screeningProblem(screening)));
            }
            if (screening.latest().screenedOn().isBefore(r.start().minusDays(ref.rules().screeningMaxAgeDays()))) {
                throw new ValidationException(Violation.of("screening", "tms.error.screeningOld",
                        screening.latest().screenedOn(), ref.rules().screeningMaxAgeDays()));
            }
            if (repo.courses(patientId).stream().anyMatch(c -> c.status() == CourseStatus.ACTIVE)) {
                throw new ValidationException(Violation.of("course", "tms.error.activeCourse"));
            }
            long id = repo.insertCourse(patientId, r, p, screening.latest().id(), s.username(), clock.instant());
            audit(dsl, s, "tms.course.start", patientId, ENTITY_COURSE, id, p.code() + " " + r.type() + " from "
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
            Course c = activeCourse(dsl, patientId, courseId);
            TmsReference ref = reference(dsl, LocalDate.now(clock));
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
            audit(dsl, s, "tms.course.extend", patientId, ENTITY_COURSE, courseId, "+" + sessions + " sessions");
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
            activeCourse(dsl, patientId, courseId);
            if (!new TmsRepository(dsl).setStatus(courseId, version, status, why)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            audit(dsl, s, "tms.course.end", patientId, ENTITY_COURSE, courseId, status.name());
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
            course(dsl, patientId, courseId);
            if (!new TmsRepository(dsl).setAuthorization(courseId, version, a)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            audit(dsl, s, "tms.course.authorization", patientId, ENTITY_COURSE, courseId, "authorization updated");
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
            Course c = activeCourse(dsl, patientId, courseId);
            TmsRepository repo = new TmsRepository(dsl);
            long id = repo.insertDecision(courseId, decision, text, s.username(), LocalDate.now(clock), clock.instant());
            if (decision == GapDecision.RESTART && !repo.setStatus(courseId, c.version(), CourseStatus.STOPPED,
                    "restart after a gap: " + text)) {
                throw new ConcurrentEditException("Course", courseId);
            }
            audit(dsl, s, "tms.course.decide", patientId, "tms_course_decision", id, decision.name());
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
        return tx.inDurableTransaction(dsl -> {
            TmsRepository repo = new TmsRepository(dsl);
            repo.lockCourse(courseId);
            Course c = activeCourse(dsl, patientId, courseId);
            TmsReference ref = reference(dsl, today);
            Protocol p = ref.protocol(c.protocolCode()).orElseThrow(() -> new NotFoundException("Protocol", c.protocolCode()));
            Device device = e.deviceCode() == null ? null : ref.device(e.deviceCode()).orElse(null);
            List<MotorThreshold> mts = repo.motorThresholds(patientId).stream()
                    .filter(m -> e.date() == null || !m.measuredOn().isAfter(e.date())).toList();
            MotorThreshold latest = mts.isEmpty() ? null : mts.get(mts.size() - 1);
            Integer mtUsed = e.mtToday() != null ? Integer.valueOf(e.mtToday().outputPct())
                    : latest == null ? null : latest.outputPct();
            List<SavedSession> records = repo.sessions(courseId);
            List<SavedSession> sameDay = records.stream().filter(x -> x.delivered() && x.date().equals(e.date())).toList();
            LocalDate lastGiven = records.stream().filter(SavedSession::delivered).map(SavedSession::date)
                    .max(java.util.Comparator.naturalOrder()).orElse(null);
            List<Violation> problems = new ArrayList<>(SessionValidator.validate(c, p, device, ref.calendar(), e, mtUsed,
                    today, sameDay, lastGiven));
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            ScreeningState screening = screeningState(dsl, patientId, ref);
            if (!screening.allowsTreatment()) {
                throw new ValidationException(Violation.of("screening", screeningProblem(screening)));
            }
            CourseProgress progress = CourseTracker.track(c, records, repo.decisions(courseId), ref.calendar(), ref.rules(),
                    e.date());
            if (progress.decisionNeeded()) {
                throw new ValidationException(Violation.of("course", "tms.error.decisionNeeded", progress.gapDays()));
            }
            if (progress.delivered() >= c.plannedSessions()) {
                throw new ValidationException(Violation.of("course", "tms.error.allDelivered", c.plannedSessions()));
            }
            // A threshold measured for this course earlier the same day (an MT visit before the session) counts as
            // measured at this session, once.
            boolean separateMt = e.mtToday() == null && latest != null && latest.measuredOn().equals(e.date())
                    && Long.valueOf(courseId).equals(latest.courseId()) && !repo.mtUsedAtSession(latest.id());
            List<MtDueReason> due = separateMt ? List.of() : MtCheck.due(latest, e.date(), progress.lastDelivered(),
                    !medicationsWithin(dsl, patientId).prompts().isEmpty(), device.coil(), ref.rules(),
                    progress.delivered() == 0 ? Long.valueOf(courseId) : null);
            List<MtDueReason> blocking = due.stream().filter(r -> r != MtDueReason.WEEKLY).toList();
            if (e.mtToday() == null && !blocking.isEmpty()) {
                throw new ValidationException(Violation.of("mt", "tms.error.mtDue",
                        String.join(", ", blocking.stream().map(Enum::name).toList())));
            }
            boolean initialBilled = progress.sessions().stream().filter(SavedSession::delivered).anyMatch(x ->
                    ref.billingCodes().stream().anyMatch(b -> b.rule() == BillingRule.INITIAL && b.code().equals(x.billingCode())));
            boolean mtAtVisit = e.mtToday() != null || separateMt;
            String mtReason = e.mtToday() != null ? e.mtToday().reason() : separateMt ? latest.reason() : null;
            BillingCode code = new BillingCoder(ref.billingCodes()).codeFor(initialBilled, mtAtVisit, mtReason);
            java.time.Instant now = clock.instant();
            Long mtId;
            if (e.mtToday() != null) {
                String reason = mtReason == null || mtReason.isBlank() ? "first session" : mtReason.strip();
                mtReason = reason;
                mtId = repo.insertMt(patientId, courseId, e.date(), e.mtToday().outputPct(), e.mtToday().method(),
                        device.coil(), e.technician().strip(), reason, now);
                repo.resolveMtPrompts(patientId, s.username(), now);
            } else {
                mtId = latest.id();
            }
            int output = Protocol.outputPct(mtUsed, e.pctMt());
            int number = progress.delivered() + 1;
            long id = repo.insertDelivered(courseId, patientId, number, e, mtId, mtUsed, output, mtAtVisit, mtReason,
                    code.code(), s.username(), now);
            audit(dsl, s, "tms.session.record", patientId, ENTITY_SESSION, id, "session " + number + " " + e.date() + " "
                    + code.code() + ", " + e.pulsesDelivered() + " pulses at " + output + "%"
                    + (e.events().isEmpty() ? "" : ", " + e.events().size() + " adverse event(s)"));
            return new SessionResult(id, number, code.code(), output,
                    due.stream().filter(r -> r == MtDueReason.WEEKLY && !mtAtVisit).toList());
        });
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
            Course c = activeCourse(dsl, patientId, courseId);
            List<Violation> problems = SessionValidator.validateMiss(c, date, reason, today);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = repo.insertMiss(courseId, patientId, status, date, reason, s.username(), clock.instant());
            audit(dsl, s, "tms.session.miss", patientId, ENTITY_SESSION, id, status + " " + date);
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
            course(dsl, patientId, courseId);
            long id = repo.insertAddendum(sessionId, body, s.username(), clock.instant());
            audit(dsl, s, "tms.session.addendum", patientId, ENTITY_SESSION, sessionId, "addendum " + id);
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
            course(dsl, patientId, courseId);
            var target = repo.voidTarget(sessionId);
            if (!repo.voidSession(sessionId, version, why)) {
                throw new ConcurrentEditException("Session", sessionId);
            }
            String extra = "";
            if (target.mtId() != null && repo.voidMtMeasuredWith(target.mtId(), target.recordedAt(), "session voided: " + why)) {
                int reopened = repo.reopenMtPrompts(patientId, target.recordedAt());
                extra = "; its motor threshold voided" + (reopened > 0 ? ", " + reopened + " MT prompt(s) open again" : "");
            }
            audit(dsl, s, "tms.session.void", patientId, ENTITY_SESSION, sessionId, why + extra);
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
            audit(dsl, s, "tms.mt.void", patientId, "tms_motor_threshold", mtId, why
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
        return tx.read(dsl -> {
            TmsReference ref = reference(dsl, today);
            TmsRepository repo = new TmsRepository(dsl);
            var rules = PatientCourses.scheduleRules(dsl, today);
            java.util.Map<String, String> scaleNames = new OutcomeRepository(dsl).scales().stream()
                    .collect(java.util.stream.Collectors.toMap(d -> d.code(), d -> d.name()));
            List<TmsAttention> out = new ArrayList<>();
            for (var e : repo.activeCourses()) {
                Course c = e.getKey();
                var t = PatientCourses.track(repo, c, ref, rules, new OutcomeRepository(dsl).entries(c.patientId()), today);
                CourseProgress p = t.progress();
                if (manage && p.decisionNeeded()) {
                    out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.GAP_DECISION, p.gapDays(),
                            p.lastDelivered(), null));
                } else if (manage && p.missAlert()) {
                    out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.MISSES, p.consecutiveMisses(),
                            p.missedSince(), null));
                }
                var pending = clinic.threshold.domain.tms.AssessmentSchedule.pending(t.schedule())
                        .filter(d -> d.status() == clinic.threshold.domain.tms.DueAssessment.Status.OVERDUE);
                if (scales && pending.isPresent()) {
                    out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.ASSESSMENT_OVERDUE,
                            java.time.temporal.ChronoUnit.DAYS.between(pending.get().due(), today), pending.get().due(),
                            scaleNames.getOrDefault(t.protocol().assessmentScale(), t.protocol().assessmentScale())));
                }
            }
            if (manage) {
                for (var e : repo.unclearedLatestScreenings()) {
                    Screening s = e.getKey();
                    var form = new TmsReferenceRepository(dsl).screeningForm(s.formVersion());
                    if (ScreeningRules.status(form, s) == ScreeningStatus.NEEDS_CLEARANCE) {
                        out.add(new TmsAttention(s.patientId(), e.getValue(), TmsAttention.Kind.CLEARANCE, 0,
                                s.screenedOn(), null));
                    }
                }
            }
            out.sort(java.util.Comparator.comparing(TmsAttention::since));
            return out;
        });
    }

    // Reading

    private TmsOverview overview(DSLContext dsl, long patientId) {
        requirePatient(dsl, patientId);
        LocalDate today = LocalDate.now(clock);
        TmsReference ref = reference(dsl, today);
        TmsRepository repo = new TmsRepository(dsl);
        MedicationOverview meds = medicationsWithin(dsl, patientId);
        List<MotorThreshold> mts = repo.motorThresholds(patientId);
        MotorThreshold latestMt = mts.isEmpty() ? null : mts.get(mts.size() - 1);
        List<PatientCourses.Tracked> tracked = PatientCourses.track(dsl, patientId, ref, today);
        List<Course> courses = tracked.stream().map(PatientCourses.Tracked::course).toList();
        String scale = ref.protocols().isEmpty() ? "PHQ9" : ref.protocols().get(0).assessmentScale();
        List<CourseView> views = new ArrayList<>();
        for (PatientCourses.Tracked t : tracked) {
            Course c = t.course();
            Protocol p = t.protocol();
            scale = p.assessmentScale();
            CourseProgress progress = t.progress();
            List<MtDueReason> due = List.of();
            if (c.status() == CourseStatus.ACTIVE) {
                String coil = progress.previousDelivered() == null ? null : ref.device(progress.previousDelivered().entry()
                        .deviceCode()).map(Device::coil).orElse(null);
                LocalDate next = progress.next() == null ? today : progress.next().date();
                due = MtCheck.due(latestMt, next, progress.lastDelivered(), !meds.prompts().isEmpty(), coil, ref.rules(),
                        progress.delivered() == 0 ? Long.valueOf(c.id()) : null);
            }
            List<CourseWarning> warnings = new ArrayList<>();
            Warnings.authorization(progress.authorization(), warnings);
            warnings.addAll(Warnings.retreatment(c.type(), c.start(), courses.stream().filter(x -> x.id() != c.id()).toList(),
                    scores(dsl, patientId, p), ref.rules()));
            views.add(new CourseView(progress, p, due, warnings, t.schedule()));
        }
        List<Screening> screenings = repo.screenings(patientId);
        String code = scale;
        var definition = new OutcomeRepository(dsl).scales().stream().filter(d -> d.code().equals(code)).findFirst();
        return new TmsOverview(today, views, screeningState(dsl, patientId, ref), screenings, ref.screeningForm(), mts,
                meds.seizureFlags(), definition.map(d -> d.name()).orElse(code),
                definition.map(d -> d.totalMax()).orElse(0), scoreSeries(dsl, patientId, scale));
    }

    private TmsReference reference(DSLContext dsl, LocalDate today) {
        return PatientCourses.reference(dsl, today);
    }

    private ScreeningState screeningState(DSLContext dsl, long patientId, TmsReference ref) {
        List<Screening> all = new TmsRepository(dsl).screenings(patientId);
        if (all.isEmpty()) {
            return new ScreeningState(null, null, List.of());
        }
        Screening latest = all.get(all.size() - 1);
        ScreeningStatus status = ScreeningRules.status(new TmsReferenceRepository(dsl).screeningForm(latest.formVersion()),
                latest);
        MedicationOverview meds = medicationsWithin(dsl, patientId);
        Set<String> seizure = meds.seizureFlags().keySet();
        List<String> since = meds.current().stream().filter(o -> seizure.contains(o.order().agent()))
                .filter(o -> o.order().start() != null && o.order().start().isAfter(latest.screenedOn()))
                .map(o -> o.order().agent()).distinct().toList();
        return new ScreeningState(latest, status, since);
    }

    private static String screeningProblem(ScreeningState st) {
        if (st.latest() == null) {
            return "tms.error.noScreening";
        }
        if (!st.rescreenFor().isEmpty()) {
            return "tms.error.rescreenMedication";
        }
        return st.status() == ScreeningStatus.BLOCKED ? "tms.error.screeningBlocked" : "tms.error.clearanceNeeded";
    }

    private MedicationOverview medicationsWithin(DSLContext dsl, long patientId) {
        return medications.overviewWithin(dsl, patientId);
    }

    private List<Course> courses(DSLContext dsl, long patientId) {
        return new TmsRepository(dsl).courses(patientId);
    }

    private static List<TmsOverview.ScorePoint> scores(DSLContext dsl, long patientId, Protocol p) {
        return scoreSeries(dsl, patientId, p.assessmentScale());
    }

    private static List<TmsOverview.ScorePoint> scoreSeries(DSLContext dsl, long patientId, String scale) {
        return new OutcomeRepository(dsl).entries(patientId).stream().filter(e -> e.entry().scale().equals(scale))
                .map(e -> new TmsOverview.ScorePoint(e.entry().date(), e.total())).toList();
    }

    private static Protocol checkRequest(TmsReference ref, CourseRequest r) {
        List<Violation> problems = new ArrayList<>();
        Protocol p = r.protocolCode() == null ? null : ref.protocol(r.protocolCode()).filter(Protocol::active).orElse(null);
        if (p == null) {
            problems.add(Violation.of("protocol", "validation.required"));
        }
        if (r.type() == null) {
            problems.add(Violation.of("type", "validation.required"));
        }
        if (r.start() == null) {
            problems.add(Violation.of("start", "validation.required"));
        } else if (!ref.calendar().isOpen(r.start())) {
            problems.add(Violation.of("start", "tms.error.startClosed", r.start()));
        }
        if (r.indication() == null || r.indication().isBlank()) {
            problems.add(Violation.of("indication", "validation.required"));
        } else if (r.indication().strip().length() > MAX_INDICATION) {
            problems.add(Violation.of("indication", "tms.error.tooLong", MAX_INDICATION));
        }
        if (r.plannedSessions() < 1 || r.plannedSessions() > MAX_SESSIONS) {
            problems.add(Violation.of("sessions", "tms.error.sessionsRange", 1, MAX_SESSIONS));
        }
        problems.addAll(Warnings.checkAuthorization(r.authorization()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return p;
    }

    private Course activeCourse(DSLContext dsl, long patientId, long courseId) {
        Course c = course(dsl, patientId, courseId);
        if (c.status() != CourseStatus.ACTIVE) {
            throw new ValidationException(Violation.of("course", "tms.error.courseEnded", c.status().name()));
        }
        return c;
    }

    private static Course course(DSLContext dsl, long patientId, long courseId) {
        return new TmsRepository(dsl).course(courseId).filter(c -> c.patientId() == patientId)
                .orElseThrow(() -> new NotFoundException("Course", courseId));
    }

    private static void requirePatient(DSLContext dsl, long patientId) {
        new PatientRepository(dsl).findById(patientId).filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    private void audit(DSLContext dsl, UserSession s, String action, long patientId, String entity, long id, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.PATIENT, patientId, entity,
                Long.toString(id), AuditOutcome.SUCCESS, detail));
    }
}
