package clinic.threshold.data.tms;

import static clinic.threshold.data.jooq.Tables.COURSE_BOOKING_PREFERENCE;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE;
import static clinic.threshold.data.jooq.Tables.TMS_COURSE_DECISION;
import static clinic.threshold.data.jooq.Tables.TMS_PROTOCOL;
import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.data.db.StoredValues;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseDecision;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.domain.tms.SavedSession;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * Many courses at once, as {@link TmsRepository} reads one (reports over years of a clinic): the courses, their
 * sessions, gap decisions and booking weekdays in five statements whatever their number, mapped the same way.
 */
public final class TmsBulkRepository {
    private final DSLContext dsl;

    public TmsBulkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A course with everything its tracking reads. */
    public record CourseData(Course course, List<SavedSession> sessions, List<CourseDecision> decisions, Set<DayOfWeek> weekdays) {
    }

    /** The courses (not voided) {@code courseIds} picks, in id order. */
    public List<CourseData> courses(Select<? extends Record1<Long>> courseIds) {
        Map<String, String> protocolNames = new HashMap<>();
        dsl.select(TMS_PROTOCOL.CODE, TMS_PROTOCOL.NAME).from(TMS_PROTOCOL).forEach(r -> protocolNames.put(r.value1(), r.value2()));
        Map<Long, Course> courses = new LinkedHashMap<>();
        dsl.selectFrom(TMS_COURSE).where(TMS_COURSE.ID.in(courseIds)).and(TMS_COURSE.VOIDED.isFalse()).orderBy(TMS_COURSE.ID)
                .forEach(r -> courses.put(r.getId(), TmsRepository.course(r, protocolNames.get(r.getProtocolCode()))));
        Map<Long, List<SavedSession>> sessions = TmsRepository.sessionsWhere(dsl, TMS_SESSION.COURSE_ID.in(courseIds));
        Map<Long, List<CourseDecision>> decisions = new HashMap<>();
        dsl.selectFrom(TMS_COURSE_DECISION).where(TMS_COURSE_DECISION.COURSE_ID.in(courseIds)).orderBy(TMS_COURSE_DECISION.ID)
                .forEach(r -> decisions.computeIfAbsent(r.getCourseId(), k -> new ArrayList<>()).add(new CourseDecision(r.getId(),
                        r.getCourseId(), StoredValues.enumOf(GapDecision.class, r.getDecision()), r.getNote(), r.getDecidedBy(),
                        r.getDecidedOn())));
        Map<Long, Set<DayOfWeek>> weekdays = new HashMap<>();
        dsl.select(COURSE_BOOKING_PREFERENCE.COURSE_ID, COURSE_BOOKING_PREFERENCE.WEEKDAYS).from(COURSE_BOOKING_PREFERENCE)
                .where(COURSE_BOOKING_PREFERENCE.COURSE_ID.in(courseIds))
                .forEach(r -> weekdays.put(r.value1(), TmsRepository.weekdays(r.value2())));
        List<CourseData> out = new ArrayList<>(courses.size());
        courses.forEach((id, c) -> out.add(new CourseData(c, sessions.getOrDefault(id, List.of()), decisions.getOrDefault(id, List.of()),
                weekdays.getOrDefault(id, Set.of()))));
        return out;
    }
}
