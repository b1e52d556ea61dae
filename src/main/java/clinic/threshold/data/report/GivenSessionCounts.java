package clinic.threshold.data.report;

import static clinic.threshold.data.jooq.Tables.PATIENT;
import static clinic.threshold.data.jooq.Tables.PAYER;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The sessions given in a range of days, counted for billing and as the exposure adverse-event rates are measured
 * against: read by day from the session index and added up over the courses the report's filters keep (ADR 0026).
 */
public final class GivenSessionCounts {
    private final DSLContext dsl;

    public GivenSessionCounts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Sessions given in one month under one billing code for one payer. */
    public record BilledMonth(int year, int month, String code, String payer, int sessions) {
    }

    /**
     * The sessions given between {@code from} and {@code to} (by session day, not course start) of patients not voided,
     * with {@code protocol} and {@code payerId} when given, counted by month, billing code and payer. Read by day from
     * ix_tms_session_given alone and counted here over the courses the filters keep: joined to course, patient and
     * payer in the database, ten years took 7.6 s (ADR 0026).
     */
    public List<BilledMonth> billedMonths(LocalDate from, LocalDate to, String protocol, Integer payerId) {
        Map<Long, KeptCourse> kept = keptCourses(protocol, payerId, null);
        record Key(int year, int month, String code, String payer) {
        }
        Map<Key, Integer> counts = new HashMap<>();
        clinic.threshold.data.db.BulkRows.each(dsl, dsl.select(TMS_SESSION.SESSION_DATE, TMS_SESSION.BILLING_CODE, TMS_SESSION.COURSE_ID)
                .from(TMS_SESSION).where(givenSessionsIn(from, to, null)), rs -> {
                    KeptCourse c = kept.get(rs.getLong(3));
                    if (c != null) {
                        LocalDate day = rs.getObject(1, LocalDate.class);
                        counts.merge(new Key(day.getYear(), day.getMonthValue(), rs.getString(2), c.payer()), 1, Integer::sum);
                    }
                });
        return counts.entrySet().stream().map(e -> new BilledMonth(e.getKey().year(), e.getKey().month(), e.getKey().code(),
                e.getKey().payer(), e.getValue())).toList();
    }

    /** An adverse event at a given session: type and severity codes, the protocol's name, the patient. */
    public record AdverseRow(String type, String severity, String protocol, long patientId) {
    }

    /**
     * Sessions given in the range (by session day; delivered, not voided) by protocol name, of the courses
     * {@link #keptCourses} keeps, and of {@code technician} when given. Counted per course from
     * ix_tms_session_given alone, then added up over the courses the filters keep: joining each of years of sessions
     * to its course and patient cost the adverse-events report most of its 2.6 s over ten years (docs/benchmarks.md).
     */
    public Map<String, Integer> sessionsByProtocol(LocalDate from, LocalDate to, String protocol, String technician, Integer payerId,
            String own) {
        Map<Long, Integer> byCourse = new HashMap<>();
        dsl.select(TMS_SESSION.COURSE_ID, DSL.count()).from(TMS_SESSION).where(givenSessionsIn(from, to, technician))
                .groupBy(TMS_SESSION.COURSE_ID).forEach(r -> byCourse.put(r.value1(), r.value2()));
        Map<String, Integer> out = new java.util.TreeMap<>();
        keptCourses(protocol, payerId, own).forEach((course, kept) -> {
            Integer n = byCourse.get(course);
            if (n != null) {
                out.merge(kept.protocol(), n, Integer::sum);
            }
        });
        return out;
    }

    /**
     * The adverse events recorded at the sessions {@link #sessionsByProtocol} counts: read from the events,
     * which are few, and kept when their course passes the filters.
     */
    public List<AdverseRow> adverseEvents(LocalDate from, LocalDate to, String protocol, String technician, Integer payerId,
            String own) {
        var ae = clinic.threshold.data.jooq.Tables.TMS_ADVERSE_EVENT;
        Map<Long, KeptCourse> courses = keptCourses(protocol, payerId, own);
        List<AdverseRow> out = new ArrayList<>();
        dsl.select(ae.EVENT_TYPE, ae.SEVERITY, TMS_SESSION.COURSE_ID, TMS_SESSION.PATIENT_ID).from(ae)
                .join(TMS_SESSION).on(TMS_SESSION.ID.eq(ae.SESSION_ID)).where(givenSessionsIn(from, to, technician)).orderBy(ae.ID)
                .forEach(r -> {
                    KeptCourse kept = courses.get(r.value3());
                    if (kept != null) {
                        out.add(new AdverseRow(r.value1(), r.value2(), kept.protocol(), r.value4()));
                    }
                });
        return out;
    }

    /** Given (delivered, not voided) sessions by session day, of one technician when given. */
    private static Condition givenSessionsIn(LocalDate from, LocalDate to, String technician) {
        Condition given = ReportRepository.range(TMS_SESSION.SESSION_DATE, from, to).and(TMS_SESSION.STATUS.eq("DELIVERED"))
                .and(TMS_SESSION.VOIDED.isFalse());
        return technician == null ? given : given.and(TMS_SESSION.TECHNICIAN.eq(technician));
    }

    /** A course a report counts: its protocol's name and its patient's payer (null: none). */
    private record KeptCourse(String protocol, String payer) {
    }

    /**
     * The courses billing and adverse-event rates look at: not voided, of patients not voided, with {@code protocol},
     * {@code payerId} and a clinician's own patients when given. Some tens of thousands of rows.
     */
    private Map<Long, KeptCourse> keptCourses(String protocol, Integer payerId, String own) {
        Condition courses = TMS_COURSE.VOIDED.isFalse().and(PATIENT.VOIDED.isFalse());
        if (protocol != null) {
            courses = courses.and(TMS_COURSE.PROTOCOL_CODE.eq(protocol));
        }
        if (payerId != null) {
            courses = courses.and(PATIENT.PAYER_ID.eq(payerId));
        }
        if (own != null) {
            courses = courses.and(ReportRepository.ownPatient(own));
        }
        Map<Long, KeptCourse> out = new HashMap<>();
        dsl.select(TMS_COURSE.ID, TMS_PROTOCOL.NAME, PAYER.NAME).from(TMS_COURSE).join(PATIENT).on(PATIENT.ID.eq(TMS_COURSE.PATIENT_ID))
                .join(TMS_PROTOCOL).on(TMS_PROTOCOL.CODE.eq(TMS_COURSE.PROTOCOL_CODE)).leftJoin(PAYER).on(PAYER.ID.eq(PATIENT.PAYER_ID))
                .where(courses).forEach(r -> out.put(r.value1(), new KeptCourse(r.value2(), r.value3())));
        return out;
    }
}
