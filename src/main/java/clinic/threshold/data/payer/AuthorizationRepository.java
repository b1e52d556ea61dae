package clinic.threshold.data.payer;

import static clinic.threshold.data.jooq.Tables.AUTHORIZATION_EVENT;
import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.PRIOR_AUTHORIZATION;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.data.db.IdList;
import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.PriorAuthorization;
import clinic.threshold.domain.payer.StatusChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Prior-authorization requests (never deleted: voided with a reason) and the history of their statuses. */
public final class AuthorizationRepository {
    private final DSLContext dsl;

    public AuthorizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What a new request holds before anyone has sent it. */
    public record NewRequest(long patientId, Long courseId, AuthKind kind, String payer, String plan, String policyCode,
            String protocolCode, Integer requestedSessions, String clinician, String note) {
    }

    /** Every request not voided, newest first; {@code patientId} null for the whole clinic. */
    public List<PriorAuthorization> list(Long patientId) {
        Condition where = PRIOR_AUTHORIZATION.VOIDED.isFalse().and(PATIENT.VOIDED.isFalse());
        if (patientId != null) {
            where = where.and(PRIOR_AUTHORIZATION.PATIENT_ID.eq(patientId));
        }
        return dsl.select(PRIOR_AUTHORIZATION.asterisk(), PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.MRN)
                .from(PRIOR_AUTHORIZATION).join(PATIENT).on(PATIENT.ID.eq(PRIOR_AUTHORIZATION.PATIENT_ID)).where(where)
                .orderBy(PRIOR_AUTHORIZATION.CREATED_AT.desc(), PRIOR_AUTHORIZATION.ID.desc()).fetch(AuthorizationRepository::map);
    }

    /**
     * The requests a pipeline works on: open ones (draft, submitted, waiting on information, under appeal), approvals
     * whose window ends on or after {@code windowEndsFrom}, and any decided on or after {@code decidedFrom}; newest
     * first. Ten years of a clinic hold tens of thousands of finished requests that only the report and each chart
     * need.
     */
    public List<PriorAuthorization> current(LocalDate windowEndsFrom, LocalDate decidedFrom) {
        var p = PRIOR_AUTHORIZATION;
        Condition live = p.STATUS.in(DSL.inline("DRAFT"), DSL.inline("SUBMITTED"), DSL.inline("PENDING_INFO"), DSL.inline("APPEAL"))
                .or(p.STATUS.eq("APPROVED").and(p.WINDOW_LAST.isNull().or(p.WINDOW_LAST.ge(windowEndsFrom))))
                .or(p.DECIDED_ON.ge(decidedFrom));
        return dsl.select(p.asterisk(), PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.MRN)
                .from(p).join(PATIENT).on(PATIENT.ID.eq(p.PATIENT_ID)).where(p.VOIDED.isFalse()).and(PATIENT.VOIDED.isFalse()).and(live)
                .orderBy(p.CREATED_AT.desc(), p.ID.desc()).fetch(AuthorizationRepository::map);
    }

    public Optional<PriorAuthorization> byId(long id) {
        return dsl.select(PRIOR_AUTHORIZATION.asterisk(), PATIENT.GIVEN_NAME, PATIENT.FAMILY_NAME, PATIENT.MRN)
                .from(PRIOR_AUTHORIZATION).join(PATIENT).on(PATIENT.ID.eq(PRIOR_AUTHORIZATION.PATIENT_ID))
                .where(PRIOR_AUTHORIZATION.ID.eq(id)).and(PRIOR_AUTHORIZATION.VOIDED.isFalse())
                .fetchOptional(AuthorizationRepository::map);
    }

    public long insert(NewRequest r, LocalDate today, String by, Instant at) {
        long id = dsl.insertInto(PRIOR_AUTHORIZATION).set(PRIOR_AUTHORIZATION.PATIENT_ID, r.patientId())
                .set(PRIOR_AUTHORIZATION.COURSE_ID, r.courseId()).set(PRIOR_AUTHORIZATION.KIND, r.kind().name())
                .set(PRIOR_AUTHORIZATION.PAYER_NAME, r.payer()).set(PRIOR_AUTHORIZATION.PLAN_NAME, r.plan())
                .set(PRIOR_AUTHORIZATION.POLICY_CODE, r.policyCode()).set(PRIOR_AUTHORIZATION.PROTOCOL_CODE, r.protocolCode())
                .set(PRIOR_AUTHORIZATION.REQUESTED_SESSIONS, r.requestedSessions()).set(PRIOR_AUTHORIZATION.CLINICIAN, r.clinician())
                .set(PRIOR_AUTHORIZATION.NOTE, r.note()).set(PRIOR_AUTHORIZATION.STATUS, AuthStatus.DRAFT.name())
                .set(PRIOR_AUTHORIZATION.CREATED_AT, at.atOffset(ZoneOffset.UTC)).set(PRIOR_AUTHORIZATION.CREATED_BY, by)
                .returning(PRIOR_AUTHORIZATION.ID).fetchOne().getId();
        event(id, AuthStatus.DRAFT, today, null, by, at);
        return id;
    }

    /** Edits what the clinic asks for and what it sent; false when someone else changed the request first. */
    public boolean update(long id, int version, Long courseId, String protocolCode, Integer requestedSessions, String clinician,
            String documentsSent, String note) {
        return dsl.update(PRIOR_AUTHORIZATION).set(PRIOR_AUTHORIZATION.COURSE_ID, courseId)
                .set(PRIOR_AUTHORIZATION.PROTOCOL_CODE, protocolCode).set(PRIOR_AUTHORIZATION.REQUESTED_SESSIONS, requestedSessions)
                .set(PRIOR_AUTHORIZATION.CLINICIAN, clinician).set(PRIOR_AUTHORIZATION.DOCUMENTS_SENT, documentsSent)
                .set(PRIOR_AUTHORIZATION.NOTE, note).set(PRIOR_AUTHORIZATION.VERSION, version + 1)
                .where(PRIOR_AUTHORIZATION.ID.eq(id)).and(PRIOR_AUTHORIZATION.VERSION.eq(version)).execute() == 1;
    }

    /** Moves a request to a new status with what that move carries; false on a concurrent change. */
    public boolean move(PriorAuthorization a, StatusChange c, String by, Instant at) {
        var update = dsl.update(PRIOR_AUTHORIZATION).set(PRIOR_AUTHORIZATION.STATUS, c.to().name())
                .set(PRIOR_AUTHORIZATION.VERSION, a.version() + 1);
        if (c.to() == AuthStatus.SUBMITTED && a.submittedOn() == null) {
            update = update.set(PRIOR_AUTHORIZATION.SUBMITTED_ON, c.on());
        }
        if (c.to().decision()) {
            update = update.set(PRIOR_AUTHORIZATION.DECIDED_ON, c.on());
        }
        if (c.to() == AuthStatus.APPROVED) {
            update = update.set(PRIOR_AUTHORIZATION.AUTH_NUMBER, c.number().strip()).set(PRIOR_AUTHORIZATION.UNITS, c.units())
                    .set(PRIOR_AUTHORIZATION.WINDOW_FIRST, c.first()).set(PRIOR_AUTHORIZATION.WINDOW_LAST, c.last())
                    .set(PRIOR_AUTHORIZATION.DENIAL_REASON, (String) null);
        }
        if (c.to() == AuthStatus.DENIED) {
            update = update.set(PRIOR_AUTHORIZATION.DENIAL_REASON, c.reason().strip());
        }
        boolean moved = update.where(PRIOR_AUTHORIZATION.ID.eq(a.id())).and(PRIOR_AUTHORIZATION.VERSION.eq(a.version()))
                .and(PRIOR_AUTHORIZATION.STATUS.eq(a.status().name())).execute() == 1;
        if (moved) {
            String note = c.reason() != null && !c.reason().isBlank() ? c.reason().strip() : blankToNull(c.note());
            event(a.id(), c.to(), c.on(), note, by, at);
        }
        return moved;
    }

    public boolean voidRequest(long id, int version, String reason) {
        return dsl.update(PRIOR_AUTHORIZATION).set(PRIOR_AUTHORIZATION.VOIDED, true).set(PRIOR_AUTHORIZATION.VOID_REASON, reason)
                .set(PRIOR_AUTHORIZATION.VERSION, version + 1).where(PRIOR_AUTHORIZATION.ID.eq(id))
                .and(PRIOR_AUTHORIZATION.VERSION.eq(version)).execute() == 1;
    }

    /** A status and the day it took effect, with its note, oldest first. */
    public record Event(AuthStatus status, LocalDate on, String note, String by) {
    }

    public List<Event> events(long id) {
        return dsl.selectFrom(AUTHORIZATION_EVENT).where(AUTHORIZATION_EVENT.AUTHORIZATION_ID.eq(id))
                .orderBy(AUTHORIZATION_EVENT.ID)
                .fetch(r -> new Event(AuthStatus.valueOf(r.getStatus()), r.getEffectiveOn(), r.getNote(), r.getRecordedBy()));
    }

    /** The days each course's sessions were given, for counting units. */
    public Map<Long, List<LocalDate>> deliveredDays(Collection<Long> courseIds) {
        Map<Long, List<LocalDate>> out = new HashMap<>();
        if (courseIds.isEmpty()) {
            return out;
        }
        Set<Long> wanted = new java.util.HashSet<>(courseIds);
        dsl.select(TMS_SESSION.COURSE_ID, TMS_SESSION.SESSION_DATE).from(TMS_SESSION)
                .where(IdList.in(TMS_SESSION.COURSE_ID, wanted)).and(TMS_SESSION.STATUS.eq("DELIVERED"))
                .and(TMS_SESSION.VOIDED.isFalse())
                .forEach(r -> {
                    if (wanted.contains(r.value1())) {
                        out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2());
                    }
                });
        out.values().forEach(java.util.Collections::sort); // by date: sorting each course here is cheaper than in H2
        return out;
    }

    /** Which of these courses are still running (status ACTIVE). */
    public java.util.Set<Long> activeCourses(Collection<Long> courseIds) {
        if (courseIds.isEmpty()) {
            return java.util.Set.of();
        }
        Set<Long> out = new java.util.HashSet<>(dsl.select(TMS_COURSE.ID).from(TMS_COURSE).where(IdList.in(TMS_COURSE.ID, courseIds))
                .and(TMS_COURSE.STATUS.eq("ACTIVE")).fetch(TMS_COURSE.ID));
        out.retainAll(new java.util.HashSet<>(courseIds));
        return out;
    }

    /** Patients with an open request (draft, submitted, waiting on information, under appeal). */
    public java.util.Set<Long> patientsWithOpenRequests() {
        return new java.util.HashSet<>(dsl.selectDistinct(PRIOR_AUTHORIZATION.PATIENT_ID).from(PRIOR_AUTHORIZATION)
                .where(PRIOR_AUTHORIZATION.VOIDED.isFalse()).and(PRIOR_AUTHORIZATION.STATUS.in(DSL.inline("DRAFT"),
                        DSL.inline("SUBMITTED"), DSL.inline("PENDING_INFO"), DSL.inline("APPEAL")))
                .fetch(PRIOR_AUTHORIZATION.PATIENT_ID));
    }

    /**
     * Patients in intake: active, with no course under way (none with a session given and still running), and either
     * no course yet, a course created but not started, or an open request (a retreatment being asked for). Oldest
     * registration first.
     */
    public List<Long> intakePatients() {
        var running = DSL.selectOne().from(TMS_COURSE).where(TMS_COURSE.PATIENT_ID.eq(PATIENT.ID)).and(TMS_COURSE.STATUS.eq("ACTIVE"))
                .and(TMS_COURSE.VOIDED.isFalse())
                .andExists(DSL.selectOne().from(TMS_SESSION).where(TMS_SESSION.COURSE_ID.eq(TMS_COURSE.ID))
                        .and(TMS_SESSION.STATUS.eq("DELIVERED")).and(TMS_SESSION.VOIDED.isFalse()));
        var anyCourse = DSL.selectOne().from(TMS_COURSE).where(TMS_COURSE.PATIENT_ID.eq(PATIENT.ID)).and(TMS_COURSE.VOIDED.isFalse());
        var openRequest = DSL.selectOne().from(PRIOR_AUTHORIZATION).where(PRIOR_AUTHORIZATION.PATIENT_ID.eq(PATIENT.ID))
                .and(PRIOR_AUTHORIZATION.VOIDED.isFalse()).and(PRIOR_AUTHORIZATION.STATUS.in(DSL.inline("DRAFT"),
                        DSL.inline("SUBMITTED"), DSL.inline("PENDING_INFO"), DSL.inline("APPEAL")));
        // A course created but not yet started is still intake: its authorization may not even be asked for yet.
        var waiting = DSL.selectOne().from(TMS_COURSE).where(TMS_COURSE.PATIENT_ID.eq(PATIENT.ID)).and(TMS_COURSE.STATUS.eq("ACTIVE"))
                .and(TMS_COURSE.VOIDED.isFalse());
        return dsl.select(PATIENT.ID).from(PATIENT).where(PATIENT.VOIDED.isFalse()).and(PATIENT.STATUS.eq("ACTIVE"))
                .andNotExists(running).and(DSL.notExists(anyCourse).or(DSL.exists(openRequest)).or(DSL.exists(waiting)))
                .orderBy(PATIENT.CREATED_AT, PATIENT.ID).fetch(PATIENT.ID);
    }

    /** Who prescribed the patient's newest medication order: the treating clinician when nobody else is named. */
    public Optional<String> latestPrescriber(long patientId) {
        var o = clinic.threshold.data.jooq.Tables.MEDICATION_ORDER;
        return dsl.select(o.PRESCRIBER).from(o).where(o.PATIENT_ID.eq(patientId)).and(o.VOIDED.isFalse()).orderBy(o.START_DATE.desc(), o.ID.desc()).limit(1)
                .fetchOptional(o.PRESCRIBER);
    }

    /** The protocol most of the clinic's courses were started on, if any course exists. */
    public Optional<String> mostUsedProtocol() {
        return dsl.select(TMS_COURSE.PROTOCOL_CODE).from(TMS_COURSE).where(TMS_COURSE.VOIDED.isFalse()).groupBy(TMS_COURSE.PROTOCOL_CODE)
                .orderBy(DSL.count().desc(), TMS_COURSE.PROTOCOL_CODE).limit(1).fetchOptional(TMS_COURSE.PROTOCOL_CODE);
    }

    private void event(long id, AuthStatus status, LocalDate on, String note, String by, Instant at) {
        dsl.insertInto(AUTHORIZATION_EVENT).set(AUTHORIZATION_EVENT.AUTHORIZATION_ID, id)
                .set(AUTHORIZATION_EVENT.STATUS, status.name()).set(AUTHORIZATION_EVENT.EFFECTIVE_ON, on)
                .set(AUTHORIZATION_EVENT.NOTE, note).set(AUTHORIZATION_EVENT.RECORDED_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUTHORIZATION_EVENT.RECORDED_BY, by).execute();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static PriorAuthorization map(Record r) {
        var p = PRIOR_AUTHORIZATION;
        return new PriorAuthorization(r.get(p.ID), r.get(p.PATIENT_ID), r.get(PATIENT.FAMILY_NAME) + ", " + r.get(PATIENT.GIVEN_NAME),
                r.get(PATIENT.MRN), r.get(p.COURSE_ID), AuthKind.valueOf(r.get(p.KIND)), r.get(p.PAYER_NAME), r.get(p.PLAN_NAME),
                r.get(p.POLICY_CODE), r.get(p.PROTOCOL_CODE), r.get(p.REQUESTED_SESSIONS), r.get(p.CLINICIAN),
                AuthStatus.valueOf(r.get(p.STATUS)), r.get(p.AUTH_NUMBER), r.get(p.UNITS), r.get(p.WINDOW_FIRST), r.get(p.WINDOW_LAST),
                r.get(p.SUBMITTED_ON), r.get(p.DECIDED_ON), r.get(p.DENIAL_REASON), r.get(p.DOCUMENTS_SENT), r.get(p.NOTE),
                r.get(p.CREATED_AT).toInstant(), r.get(p.CREATED_BY), r.get(p.VERSION));
    }
}
