package clinic.threshold.domain.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentScheduleTest {
    static final ScheduleRules RULES = new ScheduleRules(3, 2, 14);
    static final LocalDate MON = LocalDate.of(2026, 1, 5);

    static LocalDate d(int m, int day) {
        return LocalDate.of(2026, m, day);
    }

    static CourseProgress progress(Course c, List<SavedSession> s, LocalDate today) {
        return CourseTracker.track(c, s, List.of(), ClinicCalendar.weekdays(Set.of()), TmsFixtures.RULES, today);
    }

    @Test
    void aStandardCourseAsksForABaselineWeeklyScoresAndOneAtTheEndOfEachPhase() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<DueAssessment> s = AssessmentSchedule.of(progress(c, List.of(), MON), 7, List.of(), RULES, MON);
        assertEquals(List.of(MON, d(1, 12), d(1, 19), d(1, 26), d(2, 2), d(2, 9), d(2, 13), d(2, 23), d(3, 4)),
                s.stream().map(DueAssessment::due).toList(), "weekly points next to the phase ends are left out");
        assertEquals(DueAssessment.Kind.LAST_ACUTE, s.get(6).kind());
        assertEquals(DueAssessment.Kind.LAST_TAPER, s.get(8).kind());
        assertEquals(DueAssessment.Status.DUE, s.get(0).status(), "the baseline is due on the first day");
        assertEquals(DueAssessment.Status.UPCOMING, s.get(1).status());
    }

    @Test
    void entriesWithinTheWindowMeetAPointAndAMissedWeekIsOverdueAfterTheGrace() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON));
        LocalDate today = d(1, 30);
        List<DueAssessment> s = AssessmentSchedule.of(progress(c, given, today), 7,
                List.of(d(1, 2), d(1, 12), d(1, 20)), RULES, today);
        assertEquals(DueAssessment.Status.DONE, s.get(0).status());
        assertEquals(d(1, 2), s.get(0).doneOn());
        assertEquals(DueAssessment.Status.DONE, s.get(2).status(), "a day late is within the window");
        assertEquals(DueAssessment.Status.OVERDUE, s.get(3).status(), "26 January, nothing by the 30th");
        assertEquals(d(1, 26), AssessmentSchedule.pending(s).orElseThrow().due());
        assertTrue(AssessmentSchedule.of(progress(c, given, d(1, 28)), 7, List.of(d(1, 2), d(1, 12), d(1, 20)), RULES,
                d(1, 28)).get(3).status() == DueAssessment.Status.DUE, "still within the grace days");
    }

    @Test
    void aBaselineTooLongBeforeTheStartDoesNotCountAndAnEndedCourseShowsMissedPoints() {
        Course c = TmsFixtures.course(MON, 2, Authorization.NONE);
        Course ended = new Course(1, 1, "10HZ", "Standard 10 Hz", CourseType.INITIAL, MON, "MDD", 2, c.template(), 3000,
                120, TmsFixtures.TERMS, Authorization.NONE, CourseStatus.COMPLETED, null, "dr", 1);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON), TmsFixtures.delivered(2, 2, MON.plusDays(1)));
        List<DueAssessment> s = AssessmentSchedule.of(progress(ended, given, d(3, 1)), 7, List.of(MON.minusDays(20)),
                RULES, d(3, 1));
        assertEquals(DueAssessment.Status.MISSED, s.get(0).status());
        assertTrue(AssessmentSchedule.pending(s).isEmpty(), "nothing pending in an ended course");
    }
}
