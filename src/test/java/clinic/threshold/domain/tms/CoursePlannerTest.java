package clinic.threshold.domain.tms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoursePlannerTest {
    static final CourseTemplate STANDARD = new CourseTemplate(30, 5, 1, 0, List.of(3, 2, 1));
    static final CourseTemplate ACCELERATED = new CourseTemplate(50, 50, 10, 50, List.of());
    /** Monday 5 January 2026. */
    static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    static List<PlannedSession> plan(CourseTemplate t, LocalDate start, int total, LocalDate... closures) {
        return new CoursePlanner(ClinicCalendar.weekdays(Set.of(closures))).plan(t, start, total);
    }

    static List<LocalDate> dates(List<PlannedSession> p, SessionPhase phase) {
        return p.stream().filter(s -> s.phase() == phase).map(PlannedSession::date).toList();
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void standardCourseRunsThirtyWeekdaysThenTapersThreeTwoOne() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36);
        assertEquals(36, p.size());
        List<LocalDate> acute = dates(p, SessionPhase.ACUTE);
        assertEquals(30, acute.size());
        assertEquals(MONDAY, acute.get(0));
        assertEquals(d(2, 13), acute.get(29), "six full weeks of weekdays");
        assertTrue(acute.stream().noneMatch(x -> x.getDayOfWeek().getValue() > 5));
        assertEquals(List.of(d(2, 16), d(2, 18), d(2, 20), d(2, 24), d(2, 26), d(3, 4)), dates(p, SessionPhase.TAPER),
                "taper spread across each week: Mon/Wed/Fri, Tue/Thu, Wed");
        for (int i = 0; i < p.size(); i++) {
            assertEquals(i + 1, p.get(i).number());
        }
    }

    @Test
    void startOnFridayTreatsFridayThenContinuesMonday() {
        List<PlannedSession> p = plan(STANDARD, d(1, 9), 36);
        assertEquals(d(1, 9), p.get(0).date());
        assertEquals(d(1, 12), p.get(1).date());
        assertEquals(d(2, 19), dates(p, SessionPhase.ACUTE).get(29));
        assertEquals(d(2, 23), dates(p, SessionPhase.TAPER).get(0), "the taper starts in the week after the acute phase");
    }

    @Test
    void startOnSaturdayMovesToMonday() {
        assertEquals(d(1, 12), plan(STANDARD, d(1, 10), 36).get(0).date());
    }

    @Test
    void closureOnAnAcuteDayIsSkippedAndTheAcutePhaseRunsOneDayLonger() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36, d(1, 19));
        List<LocalDate> acute = dates(p, SessionPhase.ACUTE);
        assertTrue(!acute.contains(d(1, 19)));
        assertEquals(d(2, 16), acute.get(29));
        assertEquals(d(2, 23), dates(p, SessionPhase.TAPER).get(0));
    }

    @Test
    void closureOnATaperDaySpreadsTheWeekOverTheRemainingOpenDays() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36, d(2, 18));
        assertEquals(List.of(d(2, 16), d(2, 19), d(2, 20)), dates(p, SessionPhase.TAPER).subList(0, 3));
    }

    @Test
    void aHolidayWeekInTheTaperIsSkippedWhole() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36, d(2, 23), d(2, 24), d(2, 25), d(2, 26), d(2, 27));
        assertEquals(List.of(d(2, 16), d(2, 18), d(2, 20), d(3, 3), d(3, 5), d(3, 11)), dates(p, SessionPhase.TAPER));
    }

    @Test
    void aHolidayWeekInTheAcutePhaseIsSkipped() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36, d(1, 19), d(1, 20), d(1, 21), d(1, 22), d(1, 23));
        List<LocalDate> acute = dates(p, SessionPhase.ACUTE);
        assertEquals(d(1, 16), acute.get(9));
        assertEquals(d(1, 26), acute.get(10));
        assertEquals(d(2, 20), acute.get(29));
    }

    @Test
    void aTaperWeekWithTooFewOpenDaysCarriesTheRestIntoTheNextWeek() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 36, d(2, 18), d(2, 19), d(2, 20));
        assertEquals(List.of(d(2, 16), d(2, 17), d(2, 23), d(2, 25), d(2, 27), d(3, 4)), dates(p, SessionPhase.TAPER));
    }

    @Test
    void yearlyClosuresApplyEveryYear() {
        ClinicCalendar cal = new ClinicCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(),
                Set.of(MonthDay.of(12, 25)));
        List<PlannedSession> p = new CoursePlanner(cal).plan(STANDARD, LocalDate.of(2028, 12, 22), 36);
        assertTrue(p.stream().noneMatch(s -> s.date().equals(LocalDate.of(2028, 12, 25))));
        assertEquals(LocalDate.of(2028, 12, 26), p.get(1).date());
    }

    @Test
    void extraSessionsBecomeAnExtensionBeforeTheTaper() {
        List<PlannedSession> p = plan(STANDARD, MONDAY, 46);
        assertEquals(46, p.size());
        assertEquals(30, dates(p, SessionPhase.ACUTE).size());
        List<LocalDate> ext = dates(p, SessionPhase.EXTENSION);
        assertEquals(10, ext.size());
        assertEquals(d(2, 16), ext.get(0));
        assertEquals(d(2, 27), ext.get(9));
        assertEquals(6, dates(p, SessionPhase.TAPER).size());
        assertEquals(d(3, 2), dates(p, SessionPhase.TAPER).get(0));
    }

    @Test
    void fewerSessionsShortenTheTaperFirst() {
        assertEquals(List.of(3, 0), counts(plan(STANDARD, MONDAY, 33)));
        assertEquals(List.of(0, 0), counts(plan(STANDARD, MONDAY, 20)));
        assertEquals(20, plan(STANDARD, MONDAY, 20).size());
    }

    private static List<Integer> counts(List<PlannedSession> p) {
        return List.of(dates(p, SessionPhase.TAPER).size(), dates(p, SessionPhase.EXTENSION).size());
    }

    @Test
    void acceleratedPlanGivesTenSessionsADayForFiveOpenDays() {
        List<PlannedSession> p = plan(ACCELERATED, MONDAY, 50);
        assertEquals(50, p.size());
        var byDay = p.stream().collect(Collectors.groupingBy(PlannedSession::date, Collectors.counting()));
        assertEquals(5, byDay.size());
        assertTrue(byDay.values().stream().allMatch(n -> n == 10));
        assertEquals(d(1, 9), p.get(49).date());
        assertEquals(10, p.get(9).ofDay());
        assertEquals(1, p.get(10).ofDay());
    }

    @Test
    void acceleratedPlanStartedOnThursdaySkipsTheWeekendAndClosures() {
        List<PlannedSession> p = plan(ACCELERATED, d(1, 8), 50, d(1, 13));
        assertEquals(List.of(d(1, 8), d(1, 9), d(1, 12), d(1, 14), d(1, 15)),
                p.stream().map(PlannedSession::date).distinct().toList());
    }

    @Test
    void aLowerWeeklyRateUsesOnlyThatManyDaysAWeek() {
        CourseTemplate twice = new CourseTemplate(4, 2, 1, 0, List.of());
        assertEquals(List.of(d(1, 5), d(1, 6), d(1, 12), d(1, 13)),
                plan(twice, MONDAY, 4).stream().map(PlannedSession::date).toList());
    }

    @Test
    void continuingMidTaperPlacesTheRestOfTheWeekFirst() {
        // Acute done by Fri 13 Feb, taper Monday 16 delivered, Wednesday 18 missed: the rest of the week's step
        // goes on Thursday and Friday, then the pattern goes on.
        CoursePlanner planner = new CoursePlanner(ClinicCalendar.weekdays(Set.of()));
        List<PlannedSession> rest = planner.plan(STANDARD, 36, new CoursePlanner.Progress(31, d(2, 18), 1, 1, d(2, 13)));
        assertEquals(List.of(d(2, 19), d(2, 20), d(2, 24), d(2, 26), d(3, 4)),
                rest.stream().map(PlannedSession::date).toList());
        assertEquals(32, rest.get(0).number());
    }

    @Test
    void aCalendarWithNoOpenDayIsRefused() {
        ClinicCalendar closed = new ClinicCalendar(Set.of(), Set.of(), Set.of());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new CoursePlanner(closed).plan(STANDARD, MONDAY, 36));
    }

    @Test
    void aTaperWeekGivenInFullWaitsForTheNextWeek() {
        CoursePlanner planner = new CoursePlanner(ClinicCalendar.weekdays(Set.of()));
        // Week 2 of the taper (Tue 24, Thu 26 Feb) given: the last session is the next week's Wednesday, not Friday.
        List<PlannedSession> afterThursday = planner.plan(STANDARD, 36,
                new CoursePlanner.Progress(35, d(2, 26), 1, 2, d(2, 13)));
        assertEquals(List.of(d(3, 4)), afterThursday.stream().map(PlannedSession::date).toList());
        // Week 1 given Mon/Wed/Fri: on the weekend the rest is still 2 next week and 1 the week after.
        List<PlannedSession> afterFriday = planner.plan(STANDARD, 36,
                new CoursePlanner.Progress(33, d(2, 21), 0, 3, d(2, 13)));
        assertEquals(List.of(d(2, 24), d(2, 26), d(3, 4)), afterFriday.stream().map(PlannedSession::date).toList());
    }

    @Test
    void aWholeWeekAwayAfterTheAcutePhaseKeepsTheTaperPattern() {
        CoursePlanner planner = new CoursePlanner(ClinicCalendar.weekdays(Set.of()));
        // Acute ended Friday 13 February; nothing recorded the week of the 16th; planned again on Monday 23.
        List<PlannedSession> rest = planner.plan(STANDARD, 36, new CoursePlanner.Progress(30, d(2, 23), 0, 0, d(2, 13)));
        assertEquals(List.of(d(2, 23), d(2, 25), d(2, 27), d(3, 3), d(3, 5), d(3, 11)),
                rest.stream().map(PlannedSession::date).toList());
    }
}
