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
    @Test
    void theLastPointOfAnEndedCourseIsNotMetLateByAFollowUpMonthsLater() {
        Course c = TmsFixtures.course(MON, 2, Authorization.NONE);
        Course ended = new Course(1, 1, "10HZ", "Standard 10 Hz", CourseType.INITIAL, MON, "MDD", 2, c.template(), 3000,
                120, TmsFixtures.TERMS, Authorization.NONE, CourseStatus.COMPLETED, null, "dr", 1);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON), TmsFixtures.delivered(2, 2, MON.plusDays(1)));
        // Baseline on time (five days before, too early for the end point's window); nothing at the end; a follow-up (or
        // the next course's baseline) in May.
        List<DueAssessment> s = AssessmentSchedule.of(progress(ended, given, d(6, 1)), 7, List.of(MON.minusDays(5), d(5, 4)),
                RULES, d(6, 1));
        DueAssessment lastPoint = s.get(s.size() - 1);
        assertEquals(DueAssessment.Status.MISSED, lastPoint.status(), "May's score belongs to no point of this course: " + s);
        // Within the last session's window it still counts (on time), and a day after that window it no longer does.
        List<DueAssessment> within = AssessmentSchedule.of(progress(ended, given, d(6, 1)), 7,
                List.of(MON.minusDays(5), MON.plusDays(1 + RULES.windowDays())), RULES, d(6, 1));
        assertTrue(within.get(within.size() - 1).status().met(), within.toString());
        List<DueAssessment> after = AssessmentSchedule.of(progress(ended, given, d(6, 1)), 7,
                List.of(MON.minusDays(5), MON.plusDays(2 + RULES.windowDays())), RULES, d(6, 1));
        assertEquals(DueAssessment.Status.MISSED, after.get(after.size() - 1).status(), after.toString());
    }

    @Test
    void anEntryAfterTheWindowAndBeforeTheNextPointsWindowMeetsAnOverduePointLate() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON));
        LocalDate today = d(1, 26);
        // Every 14 days: the point of 19 January has its window 16-22 January; the next (2 February) opens on the
        // 30th, so an entry on the 25th is late for the 19th and early for nothing.
        List<DueAssessment> before = AssessmentSchedule.of(progress(c, given, today), 14, List.of(d(1, 2)), RULES, today);
        assertEquals(DueAssessment.Status.OVERDUE, before.get(1).status(), "nothing since the 19th, past the grace");
        List<DueAssessment> after = AssessmentSchedule.of(progress(c, given, today), 14, List.of(d(1, 2), d(1, 25)),
                RULES, today);
        assertEquals(d(1, 19), after.get(1).due());
        assertEquals(DueAssessment.Status.LATE, after.get(1).status(), "met late");
        assertEquals(d(1, 25), after.get(1).doneOn());
        assertTrue(AssessmentSchedule.pending(after).isEmpty(), "the late entry clears the overdue flag");
    }

    @Test
    void aMissedWeekIsNoLongerOverdueOnceALaterPointIsDone() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON));
        LocalDate today = d(1, 27);
        List<DueAssessment> missed = AssessmentSchedule.of(progress(c, given, today), 7,
                List.of(d(1, 2), d(1, 12)), RULES, today);
        assertEquals(DueAssessment.Status.OVERDUE, missed.get(2).status(), "19 January, nothing since the 12th");
        assertEquals(d(1, 19), AssessmentSchedule.pending(missed).orElseThrow().due());
        List<DueAssessment> s = AssessmentSchedule.of(progress(c, given, today), 7,
                List.of(d(1, 2), d(1, 12), d(1, 27)), RULES, today);
        assertEquals(DueAssessment.Status.MISSED, s.get(2).status(), "superseded by the score of the 27th");
        assertEquals(DueAssessment.Status.DONE, s.get(3).status());
        assertEquals(d(1, 27), s.get(3).doneOn());
        assertTrue(AssessmentSchedule.pending(s).isEmpty(), "the missed week no longer drives an overdue flag");
    }

    @Test
    void aMissedBaselineCanBeMetLateOrIsMissedOnceTheFirstWeekIsDone() {
        Course c = TmsFixtures.course(MON, 36, Authorization.NONE);
        List<SavedSession> given = List.of(TmsFixtures.delivered(1, 1, MON), TmsFixtures.delivered(2, 2, MON.plusDays(1)),
                TmsFixtures.delivered(3, 3, MON.plusDays(2)));
        LocalDate today = d(1, 8);
        List<DueAssessment> none = AssessmentSchedule.of(progress(c, given, today), 7, List.of(), RULES, today);
        assertEquals(DueAssessment.Status.OVERDUE, none.get(0).status(), "no score before the first session");
        // The first week's window opens on 9 January (12th less 3 days): the 7th is still the baseline's, late.
        List<DueAssessment> late = AssessmentSchedule.of(progress(c, given, today), 7, List.of(d(1, 7)), RULES, today);
        assertEquals(DueAssessment.Status.LATE, late.get(0).status());
        assertEquals(d(1, 7), late.get(0).doneOn());
        assertTrue(AssessmentSchedule.pending(late).isEmpty());
        LocalDate later = d(1, 13);
        List<DueAssessment> week = AssessmentSchedule.of(progress(c, given, later), 7, List.of(d(1, 12)), RULES, later);
        assertEquals(DueAssessment.Status.MISSED, week.get(0).status(), "the 12th meets the first week, not the baseline");
        assertEquals(DueAssessment.Status.DONE, week.get(1).status());
        assertTrue(AssessmentSchedule.pending(week).isEmpty());
    }
}
