package clinic.threshold.domain.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.history.SeedReference;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A course measured from its own baseline (CourseOutcome.of, ADR 0014): the latest score in the 14 days up to the first
 * session, scores to the last session plus the 3-day window once the course has ended, one course after another.
 */
class CourseOutcomeTest {
    private static final ScaleDefinition PHQ9 = SeedReference.scales().stream().filter(d -> d.code().equals("PHQ9"))
            .findFirst().orElseThrow();
    private static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(new OutcomeRules(50, 25));
    private static final int BASELINE_DAYS = 14;
    private static final int WINDOW_DAYS = 3;
    /** Monday 5 January 2026. */
    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private long ids;

    private SavedEntry phq(LocalDate day, int total) {
        return new SavedEntry(++ids, 0, new ScaleEntry("PHQ9", day, List.of(), total, "patient", 0), total, "tech",
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Weekday sessions from {@code start} to {@code last}. */
    private static CourseWindow course(long id, LocalDate start, LocalDate last, boolean active) {
        List<LocalDate> given = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                given.add(d);
            }
        }
        return new CourseWindow(id, "Course " + id, start, given, List.of(), active);
    }

    private static List<CourseOutcome> of(CourseWindow w, List<SavedEntry> entries) {
        return CourseOutcome.of(w, List.of(PHQ9), Map.of("PHQ9", entries), CLASSIFIER, BASELINE_DAYS, WINDOW_DAYS);
    }

    @Test
    void theBaselineMayBeFourteenDaysBeforeTheFirstSessionButNotFifteen() {
        CourseWindow w = course(1, START, START.plusDays(11), true);
        SavedEntry edge = phq(START.minusDays(14), 20);
        SavedEntry later = phq(START.plusDays(7), 10);
        CourseOutcome o = of(w, List.of(edge, later)).get(0);
        assertEquals(edge, o.baseline(), "22 December, 14 days before");
        assertEquals(later, o.latest());
        // 10 of 20 is exactly 50%: a response, at the session of 12 January (sessions 5-9 Jan and that Monday: 6).
        assertEquals(Change.RESPONSE, o.result().change());
        assertEquals(6, o.firstResponseSession());
        assertNull(o.firstRemission());

        assertTrue(of(w, List.of(phq(START.minusDays(15), 20), phq(START.plusDays(7), 10))).isEmpty(),
                "21 December is 15 days before: no baseline, so no course outcome");
    }

    @Test
    void theLatestScoreBeforeTheStartIsTheBaselineAndTheFirstSessionsDayStillCounts() {
        CourseWindow w = course(1, START, START.plusDays(11), true);
        SavedEntry early = phq(START.minusDays(10), 24);
        SavedEntry onTheDay = phq(START, 18);
        SavedEntry week = phq(START.plusDays(7), 8);
        CourseOutcome o = of(w, List.of(early, onTheDay, week)).get(0);
        assertEquals(onTheDay, o.baseline(), "a score on the day of session 1 (before it) is the baseline");
        // 8 of 18 is 55.6% less: response; not below 5, so no remission.
        assertEquals(new java.math.BigDecimal("55.6"), o.result().reductionPct());
        assertEquals(Change.RESPONSE, o.result().change());
    }

    @Test
    void anEndedCourseCountsScoresToItsLastSessionPlusTheWindow() {
        // Sessions 5-16 January (10 sessions), ended: scores count to 19 January (16 + 3 days).
        CourseWindow ended = course(1, START, START.plusDays(11), false);
        SavedEntry base = phq(START.minusDays(2), 20);
        SavedEntry week = phq(START.plusDays(7), 14);
        SavedEntry atCutoff = phq(START.plusDays(14), 12);
        SavedEntry after = phq(START.plusDays(15), 3);
        CourseOutcome o = of(ended, List.of(base, week, atCutoff, after)).get(0);
        assertEquals(atCutoff, o.latest(), "19 January is the last day counted; the 20th is after the course");
        // 12 of 20 is 40% less: partial response; the 3 of the 20th (remission) is not the course's.
        assertEquals(Change.PARTIAL_RESPONSE, o.result().change());
        assertNull(o.firstRemission());
        assertNull(o.firstResponse());

        CourseOutcome running = of(course(1, START, START.plusDays(11), true), List.of(base, week, atCutoff, after)).get(0);
        assertEquals(after, running.latest(), "while the course runs, every later score counts");
        assertTrue(running.result().remission());
        assertEquals(10, running.firstRemissionSession(), "all ten sessions were given by the 20th");
    }

    @Test
    void aSecondCourseIsMeasuredFromItsOwnBaseline() {
        // Course 1: 5-16 January, ended. Course 2 (a retreatment) starts Monday 2 March.
        LocalDate second = LocalDate.of(2026, 3, 2);
        SavedEntry base1 = phq(START.minusDays(1), 22);
        SavedEntry end1 = phq(START.plusDays(11), 10);
        SavedEntry relapse = phq(second.minusDays(5), 18);
        SavedEntry week1 = phq(second.plusDays(7), 12);
        SavedEntry week2 = phq(second.plusDays(14), 4);
        List<SavedEntry> all = List.of(base1, end1, relapse, week1, week2);
        CourseOutcome first = of(course(1, START, START.plusDays(11), false), all).get(0);
        assertEquals(base1, first.baseline());
        assertEquals(end1, first.latest(), "the relapse score is long after the first course");
        assertEquals(Change.RESPONSE, first.result().change(), "10 of 22 is 54.5% less");

        CourseOutcome retreatment = of(course(2, second, second.plusDays(18), true), all).get(0);
        assertEquals(relapse, retreatment.baseline(), "25 February, 5 days before the second course");
        assertEquals(week2, retreatment.latest());
        // From 18: 12 is 33% less (partial), 4 is 78% less and below 5: response and remission at once, on 16 March:
        // sessions 2-6, 9-13 and that Monday = 11.
        assertEquals(second.plusDays(14), retreatment.firstResponse().date());
        assertEquals(11, retreatment.firstResponseSession());
        assertEquals(11, retreatment.firstRemissionSession());
    }

    @Test
    void aCourseWithNoScoreBeforeItHasNoOutcomeWhateverCameLater() {
        CourseWindow w = course(1, START, START.plusDays(11), true);
        assertTrue(of(w, List.of(phq(START.plusDays(1), 20), phq(START.plusDays(8), 8))).isEmpty(),
                "a score after session 1 is not a baseline");
        assertTrue(of(w, List.of()).isEmpty());
    }
}
