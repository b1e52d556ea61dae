package clinic.threshold.data.report;

import static clinic.threshold.data.jooq.Tables.MEDICATION_ORDER;
import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.PAYER;
import static clinic.threshold.data.jooq.Tables.SCALE_ENTRY;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The rows reports are computed from, read in bulk (one query per kind of row, not one per patient), so a report over
 * years of a clinic's courses stays a handful of statements.
 */
public final class ReportRepository {
    private final DSLContext dsl;

    public ReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A course as reports see it: who, which protocol, who started it, the patient's payer, and how it stands. */
    public record CourseRow(long courseId, long patientId, String protocolCode, String protocolName, LocalDate start, String status,
            int plannedSessions, String startedBy, Integer payerId, String payerName, String courseType, int plannedAtStart,
            String patientName) {
    }

    /** A given session: its course, day, device and technician, and whether the motor threshold was measured at it. */
    public record SessionRow(long courseId, LocalDate date, String device, String technician, boolean mtMeasured, long id) {
    }

    /**
     * Courses started between {@code from} and {@code to} (inclusive; null for open) of patients not voided, with
     * {@code protocol} and {@code payerId} when given, and only {@code ownPatientsOf}'s patients when given (courses they
     * started or patients they prescribe for).
     */
    public List<CourseRow> courses(LocalDate from, LocalDate to, String protocol, Integer payerId, String ownPatientsOf) {
        Condition where = courseFilter(from, to, protocol, payerId, ownPatientsOf);
        return dsl.select(TMS_COURSE.ID, TMS_COURSE.PATIENT_ID, TMS_COURSE.PROTOCOL_CODE, TMS_PROTOCOL.NAME, TMS_COURSE.START_DATE,
                        TMS_COURSE.STATUS, TMS_COURSE.PLANNED_SESSIONS, TMS_COURSE.CREATED_BY, PATIENT.PAYER_ID, PAYER.NAME,
                        TMS_COURSE.COURSE_TYPE, TMS_COURSE.ACUTE_SESSIONS, TMS_COURSE.TAPER_PATTERN,
                        DSL.concat(PATIENT.FAMILY_NAME, DSL.inline(", "), PATIENT.GIVEN_NAME))
                .from(TMS_COURSE).join(PATIENT).on(PATIENT.ID.eq(TMS_COURSE.PATIENT_ID))
                .join(TMS_PROTOCOL).on(TMS_PROTOCOL.CODE.eq(TMS_COURSE.PROTOCOL_CODE))
                .leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                .where(where).orderBy(TMS_COURSE.START_DATE, TMS_COURSE.ID)
                .fetch(r -> new CourseRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                        r.value9(), r.value10(), r.value11(), r.value12() + taperTotal(r.value13()), r.value14()));
    }

    private static Condition courseFilter(LocalDate from, LocalDate to, String protocol, Integer payerId, String ownPatientsOf) {
        Condition where = PATIENT.VOIDED.isFalse().and(TMS_COURSE.VOIDED.isFalse());
        if (from != null) {
            where = where.and(TMS_COURSE.START_DATE.ge(from));
        }
        if (to != null) {
            where = where.and(TMS_COURSE.START_DATE.le(to));
        }
        if (protocol != null) {
            where = where.and(TMS_COURSE.PROTOCOL_CODE.eq(protocol));
        }
        if (payerId != null) {
            where = where.and(PATIENT.PAYER_ID.eq(payerId));
        }
        if (ownPatientsOf != null) {
            where = where.and(own(ownPatientsOf));
        }
        return where;
    }

    /** The ids of the courses {@link #courses} lists, as a sub-select for reading them in bulk. */
    public org.jooq.Select<org.jooq.Record1<Long>> courseIds(LocalDate from, LocalDate to, String protocol, Integer payerId,
            String ownPatientsOf) {
        return DSL.select(TMS_COURSE.ID).from(TMS_COURSE).join(PATIENT).on(PATIENT.ID.eq(TMS_COURSE.PATIENT_ID))
                .where(courseFilter(from, to, protocol, payerId, ownPatientsOf));
    }

    /**
     * How many sessions were given (delivered, not voided) in each course started in the range; with
     * {@code technician}, only courses in which that technician gave at least one.
     */
    public Map<Long, Integer> givenCounts(LocalDate from, LocalDate to, String technician) {
        java.util.Set<Long> courses = startedIn(from, to);
        Map<Long, Integer> counts = new HashMap<>();
        java.util.Set<Long> theirs = new java.util.HashSet<>();
        clinic.threshold.data.db.BulkRows.each(dsl, dsl.select(TMS_SESSION.COURSE_ID, TMS_SESSION.TECHNICIAN).from(TMS_SESSION)
                .where(givenSince(from)), rs -> {
                    long course = rs.getLong(1);
                    if (courses.contains(course)) {
                        counts.merge(course, 1, Integer::sum);
                        if (technician != null && technician.equals(rs.getString(2))) {
                            theirs.add(course);
                        }
                    }
                });
        if (technician != null) {
            counts.keySet().retainAll(theirs);
        }
        return counts;
    }

    /** The given (delivered, not voided) sessions of courses started in the range, by course, oldest first. */
    public Map<Long, List<SessionRow>> givenSessions(LocalDate from, LocalDate to) {
        Map<Long, List<SessionRow>> out = new HashMap<>();
        Map<String, String> names = new HashMap<>(); // a few devices and technicians, hundreds of thousands of rows
        // Streamed, unsorted, and read from the result set: ten years of a clinic are some 600,000 rows; sorting them
        // in the database, or making a record of each, cost more than the reading (docs/benchmarks.md).
        java.util.Set<Long> courses = startedIn(from, to);
        var query = dsl.select(TMS_SESSION.COURSE_ID, TMS_SESSION.SESSION_DATE, TMS_SESSION.DEVICE_CODE, TMS_SESSION.TECHNICIAN,
                        TMS_SESSION.MT_REDETERMINED, TMS_SESSION.ID)
                .from(TMS_SESSION).where(givenSince(from));
        clinic.threshold.data.db.BulkRows.each(dsl, query, rs -> {
            long course = rs.getLong(1);
            if (!courses.contains(course)) {
                return;
            }
            out.computeIfAbsent(course, k -> new ArrayList<>()).add(new SessionRow(course, rs.getObject(2, LocalDate.class),
                    shared(names, rs.getString(3)), shared(names, rs.getString(4)), rs.getBoolean(5), rs.getLong(6)));
        });
        java.util.Comparator<SessionRow> order = java.util.Comparator.comparing(SessionRow::date).thenComparingLong(SessionRow::id);
        out.values().forEach(l -> l.sort(order));
        return out;
    }

    /** The courses (not voided) started in the range: some thousands of ids. */
    private java.util.Set<Long> startedIn(LocalDate from, LocalDate to) {
        return new java.util.HashSet<>(dsl.select(TMS_COURSE.ID).from(TMS_COURSE).where(range(TMS_COURSE.START_DATE, from, to))
                .and(TMS_COURSE.VOIDED.isFalse()).fetch(TMS_COURSE.ID));
    }

    /**
     * Given sessions (delivered, not voided) on or after {@code from}: those of the courses started in a range that
     * begins then, since a session is never before its course's start (SessionValidator). Read by day from
     * ix_tms_session_given alone (V031) and kept by course here: joined to the course in the database, H2 went course
     * by course through each session's row instead (ADR 0026).
     */
    private static Condition givenSince(LocalDate from) {
        return range(TMS_SESSION.SESSION_DATE, from, null).and(TMS_SESSION.STATUS.eq("DELIVERED")).and(TMS_SESSION.VOIDED.isFalse());
    }

    private static String shared(Map<String, String> names, String s) {
        return s == null ? null : names.computeIfAbsent(s, k -> k);
    }

    /**
     * Every scale total (not voided) of patients with a course started in the range, by patient, oldest first. A few
     * patients are looked up by id; many (a report over years) are picked here from every score, which H2 reads from
     * ix_scale_entry_report alone, where looking each patient up read each score's row (docs/benchmarks.md).
     */
    public Map<Long, List<SavedEntry>> scaleTotals(LocalDate from, LocalDate to) {
        java.util.Set<Long> patients = new java.util.HashSet<>(dsl.selectDistinct(TMS_COURSE.PATIENT_ID).from(TMS_COURSE)
                .where(range(TMS_COURSE.START_DATE, from, to)).fetch(TMS_COURSE.PATIENT_ID));
        Map<Long, List<SavedEntry>> out = new HashMap<>();
        if (patients.isEmpty()) {
            return out;
        }
        var query = dsl.select(SCALE_ENTRY.ID, SCALE_ENTRY.PATIENT_ID, SCALE_ENTRY.SCALE_CODE, SCALE_ENTRY.RATED_ON, SCALE_ENTRY.TOTAL)
                .from(SCALE_ENTRY).where(clinic.threshold.data.db.IdList.in(SCALE_ENTRY.PATIENT_ID, patients))
                .and(SCALE_ENTRY.VOIDED.isFalse());
        Map<String, String> codes = new HashMap<>();
        clinic.threshold.data.db.BulkRows.each(dsl, query, rs -> {
            long patient = rs.getLong(2);
            if (patients.contains(patient)) {
                int total = rs.getInt(5);
                out.computeIfAbsent(patient, k -> new ArrayList<>()).add(new SavedEntry(rs.getLong(1), 0,
                        new ScaleEntry(shared(codes, rs.getString(3)), rs.getObject(4, LocalDate.class), List.of(), total, null), total,
                        null, null));
            }
        });
        java.util.Comparator<SavedEntry> order = java.util.Comparator.comparing((SavedEntry e) -> e.entry().date())
                .thenComparingLong(SavedEntry::id);
        out.values().forEach(l -> l.sort(order));
        return out;
    }

    /** Every technician's name by id (a handful of rows). */
    public Map<Long, String> technicianNames() {
        var t = clinic.threshold.data.jooq.Tables.TECHNICIAN;
        Map<Long, String> out = new HashMap<>();
        dsl.select(t.ID, t.NAME).from(t).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /**
     * "Family, Given (MRN)" of the patients asked for, by id: the labels of a report's rows, read once each. The MRN
     * tells two patients of the same name apart.
     */
    public Map<Long, String> patientNames(java.util.Set<Long> ids) {
        Map<Long, String> out = new HashMap<>();
        dsl.select(PATIENT.ID, PATIENT.FAMILY_NAME, PATIENT.GIVEN_NAME, PATIENT.MRN).from(PATIENT).forEach(r -> {
            if (ids.contains(r.value1())) {
                out.put(r.value1(), r.value2() + ", " + r.value3() + " (" + r.value4() + ")");
            }
        });
        return out;
    }

    /** A clinician's own patients: courses they started, or patients they prescribe for (joined on TMS_COURSE, PATIENT). */
    static Condition own(String clinician) {
        return TMS_COURSE.CREATED_BY.eq(clinician).or(DSL.exists(DSL.selectOne().from(MEDICATION_ORDER)
                .where(MEDICATION_ORDER.PATIENT_ID.eq(PATIENT.ID)).and(MEDICATION_ORDER.PRESCRIBER.eq(clinician))
                .and(MEDICATION_ORDER.VOIDED.isFalse())));
    }

    /** A clinician's own patients as a condition on PATIENT: a course they started, or a prescription of theirs. */
    public static Condition ownPatient(String clinician) {
        return DSL.exists(DSL.selectOne().from(TMS_COURSE).where(TMS_COURSE.PATIENT_ID.eq(PATIENT.ID))
                        .and(TMS_COURSE.CREATED_BY.eq(clinician)).and(TMS_COURSE.VOIDED.isFalse()))
                .or(DSL.exists(DSL.selectOne().from(MEDICATION_ORDER).where(MEDICATION_ORDER.PATIENT_ID.eq(PATIENT.ID))
                        .and(MEDICATION_ORDER.PRESCRIBER.eq(clinician)).and(MEDICATION_ORDER.VOIDED.isFalse())));
    }

    /** A patient's score on one instrument, with what the twelve-month measure asks of the patient. */
    public record ScoreRow(long patientId, LocalDate birthDate, String diagnosis, String payer, LocalDate ratedOn, int total) {
    }

    /**
     * Every score (not voided) on {@code scale} of patients not voided, with {@code payerId} and a clinician's own
     * patients when given, by patient and then oldest first.
     */
    public List<ScoreRow> scores(String scale, Integer payerId, String own) {
        Condition where = PATIENT.VOIDED.isFalse().and(SCALE_ENTRY.VOIDED.isFalse()).and(SCALE_ENTRY.SCALE_CODE.eq(scale));
        if (payerId != null) {
            where = where.and(PATIENT.PAYER_ID.eq(payerId));
        }
        if (own != null) {
            where = where.and(ownPatient(own));
        }
        return dsl.select(PATIENT.ID, PATIENT.BIRTH_DATE, PATIENT.PRIMARY_DIAGNOSIS_CODE, PAYER.NAME, SCALE_ENTRY.RATED_ON,
                        SCALE_ENTRY.TOTAL)
                .from(SCALE_ENTRY).join(PATIENT).on(PATIENT.ID.eq(SCALE_ENTRY.PATIENT_ID)).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                .where(where).orderBy(PATIENT.ID, SCALE_ENTRY.RATED_ON, SCALE_ENTRY.ID)
                .fetch(r -> new ScoreRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** A suicide-risk alert: whose, when raised, when reviewed (null while open). */
    public record AlertRow(long id, long patientId, java.time.Instant raisedAt, java.time.Instant reviewedAt) {
    }

    /** The suicide-risk alerts of patients with a course started in the range, by patient, oldest first. */
    public Map<Long, List<AlertRow>> riskAlerts(LocalDate from, LocalDate to) {
        var a = clinic.threshold.data.jooq.Tables.SAFETY_ALERT;
        var patients = DSL.select(TMS_COURSE.PATIENT_ID).from(TMS_COURSE).where(range(TMS_COURSE.START_DATE, from, to));
        Map<Long, List<AlertRow>> out = new HashMap<>();
        dsl.select(a.ID, a.PATIENT_ID, a.RAISED_AT, a.REVIEWED_AT).from(a).where(a.PATIENT_ID.in(patients))
                .orderBy(a.PATIENT_ID, a.RAISED_AT, a.ID)
                .forEach(r -> out.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new AlertRow(r.value1(), r.value2(),
                        r.value3().toInstant(), r.value4() == null ? null : r.value4().toInstant())));
        return out;
    }

    /**
     * Appointments of the range whose patient or course was voided (entered in error): reports leave them out. The
     * voided patients and courses are few; they are read first and their appointments found by index.
     */
    public java.util.Set<Long> appointmentsOfVoided(LocalDate from, LocalDate to) {
        var a = clinic.threshold.data.jooq.Tables.APPOINTMENT;
        List<Long> patients = dsl.select(PATIENT.ID).from(PATIENT).where(PATIENT.VOIDED.isTrue()).fetch(PATIENT.ID);
        List<Long> courses = dsl.select(TMS_COURSE.ID).from(TMS_COURSE).where(TMS_COURSE.VOIDED.isTrue()).fetch(TMS_COURSE.ID);
        java.util.Set<Long> out = new java.util.HashSet<>();
        if (!patients.isEmpty()) {
            out.addAll(dsl.select(a.ID).from(a).where(clinic.threshold.data.db.IdList.literals(a.PATIENT_ID, patients)).and(a.APPT_DATE.between(from, to)).fetch(a.ID));
        }
        if (!courses.isEmpty()) {
            out.addAll(dsl.select(a.ID).from(a).where(clinic.threshold.data.db.IdList.literals(a.COURSE_ID, courses)).and(a.APPT_DATE.between(from, to)).fetch(a.ID));
        }
        return out;
    }

    public java.util.Optional<String> payerName(int payerId) {
        return dsl.select(PAYER.NAME).from(PAYER).where(PAYER.ID.eq(payerId)).fetchOptional(PAYER.NAME);
    }

    /** The sessions of a taper pattern as the course stores it ("3,2,1" is six). */
    static int taperTotal(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return 0;
        }
        return java.util.Arrays.stream(pattern.split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).sum();
    }

    static Condition range(org.jooq.Field<LocalDate> f, LocalDate from, LocalDate to) {
        Condition c = DSL.noCondition();
        if (from != null) {
            c = c.and(f.ge(from));
        }
        if (to != null) {
            c = c.and(f.le(to));
        }
        return c;
    }
}
