package clinic.threshold.service.payer;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.payer.AuthorizationRepository;
import clinic.threshold.data.payer.PolicyRepository;
import clinic.threshold.data.reference.ReferenceRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.AuthorizationRules;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.payer.UnitCountdown;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.tms.PatientCourses;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Prior authorizations (issue 10): requests per patient and course through their statuses, units counted down as
 * sessions are given, and the alerts before a window or the units run out. An approval linked to a course becomes the
 * course's authorization in the same transaction, so the course plan's warnings and the pipeline agree.
 */
public final class AuthorizationService {
    private static final int MAX_TEXT = 1000;
    private static final String ENTITY = "prior_authorization";
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    /** How long an approval stays in the pipeline after its window ends (a working list's horizon, not a payer rule). */
    static final int PIPELINE_ENDED_DAYS = 30;
    /** How long a decided request stays in the pipeline. */
    static final int PIPELINE_DECIDED_DAYS = 90;

    public AuthorizationService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** What a request needs to be drafted; empty parts are filled from the patient's payer, course and policy. */
    public record Draft(AuthKind kind, Long courseId, String protocolCode, Integer sessions, String clinician, String note) {
    }

    /** A requesting clinician to choose from: a user who may start courses. */
    public record Clinician(String username, String displayName) {
    }

    /** Every request of the clinic, newest first, with units and alerts (the front desk's pipeline). */
    /**
     * The pipeline: open requests, approvals still running or ended within {@link #PIPELINE_ENDED_DAYS} days, and
     * requests decided within {@link #PIPELINE_DECIDED_DAYS} days (older ones stay on each chart and in the report).
     */
    public List<AuthorizationRow> pipeline() {
        guard.require(Permission.PATIENT_READ, "authorization.read", null);
        LocalDate today = today();
        return tx.read(dsl -> rows(dsl, new AuthorizationRepository(dsl).current(today.minusDays(PIPELINE_ENDED_DAYS),
                today.minusDays(PIPELINE_DECIDED_DAYS))));
    }

    public List<AuthorizationRow> ofPatient(long patientId) {
        guard.require(Permission.PATIENT_READ, "authorization.read", patientId);
        return tx.read(dsl -> rows(dsl, new AuthorizationRepository(dsl).list(patientId)));
    }

    public List<AuthorizationRepository.Event> history(long id) {
        guard.require(Permission.PATIENT_READ, "authorization.read", null);
        return tx.read(dsl -> new AuthorizationRepository(dsl).events(id));
    }

    /** Users who may start courses and so sign letters, by name. */
    public List<Clinician> clinicians() {
        guard.signedIn();
        return tx.read(dsl -> {
            UserRepository users = new UserRepository(dsl);
            Map<String, Set<String>> perms = users.rolePermissions();
            return users.all().stream().filter(AppUser::active)
                    .filter(u -> u.roles().stream().anyMatch(r -> perms.getOrDefault(r, Set.of()).contains(Permission.TMS_COURSE_MANAGE)))
                    .map(u -> new Clinician(u.username(), u.displayName()))
                    .sorted(java.util.Comparator.comparing(Clinician::displayName)).toList();
        });
    }

    /** What a new request would be filled with for this patient: their payer, policy, course and protocol. */
    public Draft suggest(long patientId, AuthKind kind) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.read", patientId);
        return tx.read(dsl -> filled(dsl, s, requirePatient(dsl, patientId), new Draft(kind, null, null, null, null, null)));
    }

    /** Drafts a request; the payer comes from the patient's registration. */
    public long create(long patientId, Draft d) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.create", patientId);
        if (d == null || d.kind() == null) {
            throw new ValidationException(Violation.of("kind", "validation.required"));
        }
        checkText(d.note(), "note");
        return tx.inDurableTransaction(dsl -> createIn(dsl, s, patientId, d));
    }

    /** Drafts a request inside the caller's transaction (the one-click letter stores its letter in the same one). */
    long createIn(DSLContext dsl, UserSession s, long patientId, Draft d) {
        Patient p = requirePatient(dsl, patientId);
        Draft f = filled(dsl, s, p, d);
        String payer = payerName(dsl, p);
        if (payer == null) {
            throw new ValidationException(Violation.of("payer", "auth.error.noPayer"));
        }
        check(dsl, patientId, f);
        PayerPolicy policy = policy(dsl, p, today());
        long id = new AuthorizationRepository(dsl).insert(new AuthorizationRepository.NewRequest(patientId, f.courseId(), f.kind(),
                payer, policy == null ? null : policy.plan(), policy == null ? null : policy.code(), f.protocolCode(), f.sessions(),
                f.clinician(), blankToNull(f.note())), today(), s.username(), clock.instant());
        audit(dsl, s, "authorization.create", patientId, id, f.kind() + " request drafted for " + payer);
        return id;
    }

    /** Edits the request's course, protocol, sessions, clinician, the documents sent and the note. */
    public void update(long id, int version, Draft d, String documentsSent) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.update", null);
        checkText(d.note(), "note");
        checkText(documentsSent, "documentsSent");
        tx.inDurableTransaction(dsl -> {
            AuthorizationRepository repo = new AuthorizationRepository(dsl);
            PriorAuthorization a = repo.byId(id).orElseThrow(() -> new NotFoundException("Authorization", id));
            check(dsl, a.patientId(), d);
            if (!repo.update(id, version, d.courseId(), d.protocolCode(), d.sessions(), d.clinician(), blankToNull(documentsSent),
                    blankToNull(d.note()))) {
                throw new ConcurrentEditException("Authorization", id);
            }
            if (a.status() == AuthStatus.APPROVED && d.courseId() != null && !d.courseId().equals(a.courseId())) {
                // An approval linked to its course after the fact (the course was started later) covers it from now on.
                syncCourse(dsl, d.courseId(), a.kind(), a.payer(), a.number(), a.units(), a.first(), a.last());
            }
            audit(dsl, s, "authorization.update", a.patientId(), id, "request edited");
            return null;
        });
    }

    /**
     * Moves a request on (submitted, pending information, approved, denied, appeal, expired). An approval of a request
     * linked to a course sets the course's authorization (payer, number, units, window) in the same transaction.
     */
    public void changeStatus(long id, int version, StatusChange change) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.status", null);
        tx.inDurableTransaction(dsl -> {
            AuthorizationRepository repo = new AuthorizationRepository(dsl);
            PriorAuthorization a = repo.byId(id).orElseThrow(() -> new NotFoundException("Authorization", id));
            if (a.version() != version) {
                throw new ConcurrentEditException("Authorization", id);
            }
            List<Violation> problems = change.check(a, today());
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            if (!repo.move(a, change, s.username(), clock.instant())) {
                throw new ConcurrentEditException("Authorization", id);
            }
            if (change.to() == AuthStatus.APPROVED && a.courseId() != null) {
                syncCourse(dsl, a.courseId(), a.kind(), a.payer(), change.number().strip(), change.units(), change.first(),
                        change.last());
            }
            audit(dsl, s, "authorization.status", a.patientId(), id, a.status() + " -> " + change.to());
            return null;
        });
    }

    /** Voids a request entered in error; it stays on record with the reason. */
    public void voidRequest(long id, int version, String reason) {
        UserSession s = guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.void", null);
        if (reason == null || reason.isBlank()) {
            throw new ValidationException(Violation.of("reason", "validation.required"));
        }
        checkText(reason, "reason");
        tx.inDurableTransaction(dsl -> {
            AuthorizationRepository repo = new AuthorizationRepository(dsl);
            PriorAuthorization a = repo.byId(id).orElseThrow(() -> new NotFoundException("Authorization", id));
            if (a.status() == AuthStatus.APPROVED && a.courseId() != null) {
                // The course's authorization came from this approval: voiding it would leave the course covered by nothing.
                throw new ValidationException(Violation.of("status", "auth.error.voidApproved"));
            }
            if (!repo.voidRequest(id, version, reason.strip())) {
                throw new ConcurrentEditException("Authorization", id);
            }
            audit(dsl, s, "authorization.void", a.patientId(), id, "voided");
            return null;
        });
    }

    /**
     * Writes an approval onto its course. A first course or a retreatment sets the course's authorization; an extension
     * adds its units to it and extends its window, so the course's warnings count the whole course against both.
     */
    private static void syncCourse(DSLContext dsl, long courseId, AuthKind kind, String payer, String number, Integer units,
            LocalDate first, LocalDate last) {
        TmsRepository tms = new TmsRepository(dsl);
        Course c = tms.course(courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
        Authorization now = c.authorization() == null ? Authorization.NONE : c.authorization();
        Authorization next = kind != AuthKind.EXTENSION || now.units() == null ? new Authorization(payer, number, units, first, last)
                : new Authorization(now.payer() == null ? payer : now.payer(), number, now.units() + (units == null ? 0 : units),
                        now.first() == null ? first : now.first(), now.last() == null || last != null && last.isAfter(now.last()) ? last
                        : now.last());
        if (!tms.setAuthorization(c.id(), c.version(), next)) {
            throw new ConcurrentEditException("Course", courseId);
        }
    }

    /** A course a request can be linked to: which, and how it reads in a list. */
    public record CourseChoice(long id, String label) {
    }

    /** The patient's courses, newest first, for linking a request to the course it covers. */
    public List<CourseChoice> courses(long patientId) {
        guard.require(Permission.AUTHORIZATION_MANAGE, "authorization.read", patientId);
        return tx.read(dsl -> {
            List<Course> all = new ArrayList<>(new TmsRepository(dsl).courses(patientId));
            java.util.Collections.reverse(all);
            return all.stream().map(c -> new CourseChoice(c.id(), c.protocolName() + ", " + c.start() + " (" + c.status().name()
                    .toLowerCase(java.util.Locale.ROOT) + ")")).toList();
        });
    }

    /** The requests with their countdowns: units from the linked course's given sessions, the plan from its tracker. */
    private List<AuthorizationRow> rows(DSLContext dsl, List<PriorAuthorization> requests) {
        return rowsOn(dsl, requests, today());
    }

    static List<AuthorizationRow> rowsOn(DSLContext dsl, List<PriorAuthorization> requests, LocalDate today) {
        AuthorizationRules rules = AuthorizationRules.from(RuleSetting.inForce(new TmsReferenceRepository(dsl).rules(), today));
        List<Long> courses = requests.stream().map(PriorAuthorization::courseId).filter(Objects::nonNull).distinct().toList();
        Map<Long, List<LocalDate>> delivered = new AuthorizationRepository(dsl).deliveredDays(courses);
        Map<Long, List<LocalDate>> planned = planned(dsl, requests, today);
        Set<Long> running = new AuthorizationRepository(dsl).activeCourses(courses);
        Set<Long> extended = new java.util.HashSet<>(requests.stream().filter(a -> a.kind() == AuthKind.EXTENSION
                && a.status() == AuthStatus.APPROVED && a.courseId() != null).map(PriorAuthorization::courseId).toList());
        List<AuthorizationRow> out = new ArrayList<>();
        for (PriorAuthorization a : requests) {
            List<LocalDate> given = a.courseId() == null ? List.of() : delivered.getOrDefault(a.courseId(), List.of());
            List<LocalDate> ahead = a.courseId() == null ? List.of() : planned.getOrDefault(a.courseId(), List.of());
            boolean live = a.courseId() == null || running.contains(a.courseId())
                    && (a.kind() == AuthKind.EXTENSION || !extended.contains(a.courseId()));
            out.add(new AuthorizationRow(a, UnitCountdown.of(a, given, ahead, today, rules, live)));
        }
        return out;
    }

    /** The rest of the plan of every running course an approved request covers. */
    private static Map<Long, List<LocalDate>> planned(DSLContext dsl, List<PriorAuthorization> requests, LocalDate today) {
        Map<Long, List<LocalDate>> out = new HashMap<>();
        List<PriorAuthorization> approved = requests.stream().filter(a -> a.status() == AuthStatus.APPROVED && a.courseId() != null)
                .toList();
        if (approved.isEmpty()) {
            return out;
        }
        TmsReference ref = PatientCourses.reference(dsl, today);
        for (long patient : approved.stream().map(PriorAuthorization::patientId).distinct().toList()) {
            for (PatientCourses.Tracked t : PatientCourses.track(dsl, patient, ref, today)) {
                if (t.course().status() == CourseStatus.ACTIVE) {
                    out.put(t.course().id(), t.progress().remaining().stream().map(PlannedSession::date).toList());
                }
            }
        }
        return out;
    }

    private Draft filled(DSLContext dsl, UserSession s, Patient p, Draft d) {
        TmsRepository tms = new TmsRepository(dsl);
        List<Course> courses = tms.courses(p.id());
        Course active = courses.stream().filter(c -> c.status() == CourseStatus.ACTIVE).reduce((a, b) -> b).orElse(null);
        Long courseId = d.courseId() != null ? d.courseId() : d.kind() == AuthKind.EXTENSION && active != null ? Long.valueOf(active.id())
                : d.kind() == AuthKind.INITIAL && active != null ? Long.valueOf(active.id()) : null;
        Course course = courseId == null ? null : courses.stream().filter(c -> c.id() == courseId).findFirst().orElse(null);
        TmsReference ref = PatientCourses.reference(dsl, today());
        String protocol = d.protocolCode() != null ? d.protocolCode() : course != null ? course.protocolCode()
                : previousProtocol(dsl, courses, ref);
        PayerPolicy policy = policy(dsl, p, today());
        Integer sessions = d.sessions() != null ? d.sessions() : sessions(d.kind(), policy, ref, protocol, course);
        String clinician = d.clinician() != null ? d.clinician() : course != null ? course.createdBy()
                : s.permissions().contains(Permission.TMS_COURSE_MANAGE) ? s.username() : treatingClinician(dsl, p.id());
        return new Draft(d.kind(), courseId, protocol, sessions, clinician, d.note());
    }

    /** The prescriber of the patient's newest medication order, when they may start courses (and so sign). */
    private static String treatingClinician(DSLContext dsl, long patientId) {
        return new AuthorizationRepository(dsl).latestPrescriber(patientId).filter(u -> clinicianNames(dsl).containsKey(u))
                .orElse(null);
    }

    /**
     * The protocol of the patient's last course; else the one the clinic starts most courses on; else the first active
     * standard (not off-label) protocol of the reference data.
     */
    private static String previousProtocol(DSLContext dsl, List<Course> courses, TmsReference ref) {
        if (!courses.isEmpty()) {
            return courses.get(courses.size() - 1).protocolCode();
        }
        return new AuthorizationRepository(dsl).mostUsedProtocol().filter(code -> ref.protocol(code).isPresent())
                .orElseGet(() -> ref.protocols().stream().filter(Protocol::active).filter(p -> !p.offLabel()).map(Protocol::code)
                        .findFirst().orElse(null));
    }

    /** Sessions to ask for: the policy's initial (+ taper) or extension count, else the protocol's whole course. */
    private static Integer sessions(AuthKind kind, PayerPolicy policy, TmsReference ref, String protocol, Course course) {
        if (kind == AuthKind.EXTENSION) {
            return policy == null ? null : policy.extensionSessions();
        }
        if (policy != null && policy.initialSessions() != null) {
            return policy.initialSessions() + (policy.taperSessions() == null ? 0 : policy.taperSessions());
        }
        if (course != null) {
            return course.plannedSessions();
        }
        return ref.protocol(protocol).map(p -> p.template().acuteSessions()
                + p.template().taperPattern().stream().mapToInt(Integer::intValue).sum()).orElse(null);
    }

    private void check(DSLContext dsl, long patientId, Draft d) {
        List<Violation> problems = new ArrayList<>();
        if (d.sessions() != null && d.sessions() <= 0) {
            problems.add(Violation.of("sessions", "auth.error.sessions"));
        }
        if (d.courseId() != null && new TmsRepository(dsl).course(d.courseId()).filter(c -> c.patientId() == patientId).isEmpty()) {
            problems.add(Violation.of("course", "auth.error.course"));
        }
        if (d.protocolCode() != null && PatientCourses.reference(dsl, today()).protocol(d.protocolCode()).isEmpty()) {
            problems.add(Violation.of("protocol", "schedule.error.unknownProtocol", d.protocolCode()));
        }
        if (d.clinician() != null && clinicianNames(dsl).get(d.clinician()) == null) {
            problems.add(Violation.of("clinician", "auth.error.clinician", d.clinician()));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    static Map<String, String> clinicianNames(DSLContext dsl) {
        UserRepository users = new UserRepository(dsl);
        Map<String, Set<String>> perms = users.rolePermissions();
        Map<String, String> out = new HashMap<>();
        users.all().stream().filter(AppUser::active)
                .filter(u -> u.roles().stream().anyMatch(r -> perms.getOrDefault(r, Set.of()).contains(Permission.TMS_COURSE_MANAGE)))
                .forEach(u -> out.put(u.username(), u.displayName()));
        return out;
    }

    static Patient requirePatient(DSLContext dsl, long patientId) {
        return new PatientRepository(dsl).findById(patientId).filter(x -> !x.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    static String payerName(DSLContext dsl, Patient p) {
        Integer id = p.details().payerId();
        return id == null ? null : new ReferenceRepository(dsl).payer(id).map(x -> x.name()).orElse(null);
    }

    static PayerPolicy policy(DSLContext dsl, Patient p, LocalDate today) {
        Integer payer = p.details().payerId();
        return payer == null ? null : PayerService.policyFor(dsl, payer, today).orElse(null);
    }

    private static void checkText(String text, String field) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new ValidationException(Violation.of(field, "validation.tooLong", MAX_TEXT));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void audit(DSLContext dsl, UserSession s, String action, long patientId, long id, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.PATIENT, patientId, ENTITY, Long.toString(id),
                AuditOutcome.SUCCESS, detail));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
