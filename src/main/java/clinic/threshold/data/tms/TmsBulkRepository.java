package clinic.threshold.data.tms;

import static clinic.threshold.data.jooq.Tables.COURSE_BOOKING_PREFERENCE;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE_DECISION;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.data.db.BulkRows;
import clinic.threshold.data.db.IdList;
import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseDecision;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.SessionStatus;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Many courses at once, as {@link TmsRepository} reads one (reports over years of a clinic): the courses, their
 * sessions, gap decisions and booking weekdays in five statements whatever their number, mapped the same way; or, for
 * following their assessment schedules only, with slim sessions ({@link #schedules}).
 */
public final class TmsBulkRepository {
    private final DSLContext dsl;

    public TmsBulkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A course with everything its tracking reads. */
    public record CourseData(Course course, List<SavedSession> sessions, List<CourseDecision> decisions, Set<DayOfWeek> weekdays) {
    }

    /**
     * Courses with their sessions as an assessment schedule reads them, and who gave each course's sessions: for a report
     * that follows thousands of courses over years. The sessions carry their id, day and status only, no entry: reading
     * ten years of whole session rows took the measurement-based-care report some 18 s on the large clinic, this reads
     * them by day from ix_tms_session_given alone (V031, ADR 0026).
     */
    public record Schedules(List<CourseData> courses, Map<Long, Set<String>> technicians) {
    }

    /** The courses (not voided) {@code courseIds} picks, in id order. */
    public List<CourseData> courses(Select<? extends Record1<Long>> courseIds) {
        Map<Long, Course> courses = courseRows(courseIds);
        return withPlans(courses, TmsRepository.sessionsWhere(dsl, TMS_SESSION.COURSE_ID.in(courseIds)));
    }

    /**
     * The courses (not voided) {@code courseIds} picks, none started before {@code startedFrom} (null: any day), with
     * their sessions as {@link Schedules} holds them. Sessions are read from that day on and kept by course here, as a
     * session is never dated before its course's start (SessionValidator).
     */
    public Schedules schedules(Select<? extends Record1<Long>> courseIds, LocalDate startedFrom) {
        Map<Long, Course> courses = courseRows(courseIds);
        if (startedFrom != null && courses.values().stream().anyMatch(c -> c.start().isBefore(startedFrom))) {
            // Its sessions before that day would be left out without a word.
            throw new IllegalArgumentException("a course picked for schedules started before " + startedFrom);
        }
        Map<Long, List<SavedSession>> sessions = new HashMap<>();
        Map<Long, Set<String>> technicians = new HashMap<>();
        Map<String, SessionStatus> statuses = new HashMap<>();
        var query = dsl.select(TMS_SESSION.ID, TMS_SESSION.COURSE_ID, TMS_SESSION.STATUS, TMS_SESSION.SESSION_DATE, TMS_SESSION.TECHNICIAN)
                .from(TMS_SESSION).where(startedFrom == null ? DSL.noCondition() : TMS_SESSION.SESSION_DATE.ge(startedFrom))
                .and(TMS_SESSION.VOIDED.isFalse());
        BulkRows.each(dsl, query, rs -> {
            long course = rs.getLong(2);
            if (!courses.containsKey(course)) {
                return;
            }
            SessionStatus status = statuses.computeIfAbsent(rs.getString(3), k -> StoredValues.enumOf(SessionStatus.class, k));
            sessions.computeIfAbsent(course, k -> new ArrayList<>()).add(new SavedSession(rs.getLong(1), course, null, status,
                    rs.getObject(4, LocalDate.class), null, null, null, null, null, null, null, List.of(), 0));
            String technician = rs.getString(5);
            if (status == SessionStatus.DELIVERED && technician != null) {
                technicians.computeIfAbsent(course, k -> new HashSet<>()).add(technician);
            }
        });
        return new Schedules(withPlans(courses, sessions), technicians);
    }

    private Map<Long, Course> courseRows(Select<? extends Record1<Long>> courseIds) {
        Map<String, String> protocolNames = new HashMap<>();
        dsl.select(TMS_PROTOCOL.CODE, TMS_PROTOCOL.NAME).from(TMS_PROTOCOL).forEach(r -> protocolNames.put(r.value1(), r.value2()));
        Map<Long, Course> courses = new LinkedHashMap<>();
        dsl.selectFrom(TMS_COURSE).where(TMS_COURSE.ID.in(courseIds)).and(TMS_COURSE.VOIDED.isFalse()).orderBy(TMS_COURSE.ID)
                .forEach(r -> courses.put(r.getId(), TmsRepository.course(r, protocolNames.get(r.getProtocolCode()))));
        return courses;
    }

    /** Each course with its sessions, its gap decisions and the weekdays its patient comes on. */
    private List<CourseData> withPlans(Map<Long, Course> courses, Map<Long, List<SavedSession>> sessions) {
        // By the ids already read rather than the courses' query again: H2 ran that query once per statement it was
        // part of. Thousands of ids are not sent (IdList): the rows of other courses are dropped here.
        Map<Long, List<CourseDecision>> decisions = new HashMap<>();
        dsl.selectFrom(TMS_COURSE_DECISION).where(IdList.in(TMS_COURSE_DECISION.COURSE_ID, courses.keySet()))
                .orderBy(TMS_COURSE_DECISION.ID).forEach(r -> {
                    if (courses.containsKey(r.getCourseId())) {
                        decisions.computeIfAbsent(r.getCourseId(), k -> new ArrayList<>()).add(new CourseDecision(r.getId(),
                                r.getCourseId(), StoredValues.enumOf(GapDecision.class, r.getDecision()), r.getNote(),
                                r.getDecidedBy(), r.getDecidedOn()));
                    }
                });
        Map<Long, Set<DayOfWeek>> weekdays = new HashMap<>();
        dsl.select(COURSE_BOOKING_PREFERENCE.COURSE_ID, COURSE_BOOKING_PREFERENCE.WEEKDAYS).from(COURSE_BOOKING_PREFERENCE)
                .where(IdList.in(COURSE_BOOKING_PREFERENCE.COURSE_ID, courses.keySet())).forEach(r -> {
                    if (courses.containsKey(r.value1())) {
                        weekdays.put(r.value1(), TmsRepository.weekdays(r.value2()));
                    }
                });
        List<CourseData> out = new ArrayList<>(courses.size());
        courses.forEach((id, c) -> out.add(new CourseData(c, sessions.getOrDefault(id, List.of()), decisions.getOrDefault(id, List.of()),
                weekdays.getOrDefault(id, Set.of()))));
        return out;
    }
}
