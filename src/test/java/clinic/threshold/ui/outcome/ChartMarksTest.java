package clinic.threshold.ui.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.CourseWindow;
import clinic.threshold.domain.outcome.InstrumentSeries;
import clinic.threshold.domain.outcome.OutcomeClassifier;
import clinic.threshold.domain.outcome.OutcomeOverview;
import clinic.threshold.domain.outcome.OutcomeRules;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.service.history.SeedReference;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The trend chart marks a TMS course's own baseline, first response and first remission (by session), not the
 * episode's, when the episode began before the course and the two baselines differ.
 */
class ChartMarksTest {
    private static final OutcomeRules RULES = new OutcomeRules(50, 25);
    /** A Monday; the episode began two months before it. */
    private static final LocalDate START = LocalDate.of(2026, 9, 7);
    private static final ScaleDefinition PHQ9 = scale("PHQ9");
    private static final ScaleDefinition MADRS = scale("MADRS");

    private static ScaleDefinition scale(String code) {
        return SeedReference.scales().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private static SavedEntry total(long id, String scale, LocalDate day, int total) {
        return new SavedEntry(id, 0, new ScaleEntry(scale, day, List.of(), total, "dr", 0), total, "tech",
                Instant.parse("2026-11-27T10:00:00Z"));
    }

    /** The episode's series as the service builds it: from its first entry. */
    private static InstrumentSeries series(ScaleDefinition d, List<SavedEntry> entries) {
        OutcomeClassifier c = new OutcomeClassifier(RULES);
        SavedEntry base = entries.get(0);
        OutcomeClassifier.Point b = new OutcomeClassifier.Point(base.entry().date(), base.total());
        List<OutcomeClassifier.Point> after = entries.subList(1, entries.size()).stream()
                .map(e -> new OutcomeClassifier.Point(e.entry().date(), e.total())).toList();
        SavedEntry last = entries.get(entries.size() - 1);
        return new InstrumentSeries(d, entries, base, c.classify(d, base.total(), last.total()),
                c.firstResponse(d, b, after).orElse(null), c.firstRemission(d, b, after).orElse(null));
    }

    @Test
    void aCourseIsMarkedFromItsOwnBaselineAndTheEpisodeBaselineOnlyWhereNoCourseMeasures() {
        // PHQ-9: 22 in the episode's first weeks, 20 three days before the course; 11 after a week is a response
        // against 22 but only 45% below the course baseline; 9 after two weeks is the course's response; 4 remission.
        SavedEntry episodeBase = total(1, "PHQ9", START.minusDays(40), 22);
        SavedEntry courseBase = total(2, "PHQ9", START.minusDays(3), 20);
        SavedEntry week1 = total(3, "PHQ9", START.plusDays(7), 11);
        SavedEntry week2 = total(4, "PHQ9", START.plusDays(14), 9);
        SavedEntry week3 = total(5, "PHQ9", START.plusDays(21), 4);
        List<SavedEntry> phq = List.of(episodeBase, courseBase, week1, week2, week3);
        // MADRS only before the course: no course baseline, so its episode marks stay.
        SavedEntry madrsBase = total(6, "MADRS", START.minusDays(50), 30);
        SavedEntry madrsLater = total(7, "MADRS", START.minusDays(20), 14);
        List<SavedEntry> madrs = List.of(madrsBase, madrsLater);
        List<LocalDate> given = new ArrayList<>();
        for (LocalDate d = START; !d.isAfter(START.plusDays(25)); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                given.add(d);
            }
        }
        CourseWindow w = new CourseWindow(9, "Course 2", START, given, List.of(), true);
        List<CourseOutcome> outcomes = CourseOutcome.of(w, List.of(PHQ9, MADRS), Map.of("PHQ9", phq, "MADRS", madrs),
                new OutcomeClassifier(RULES), 14, 3);
        InstrumentSeries phqSeries = series(PHQ9, phq);
        assertEquals(START.plusDays(7), phqSeries.firstResponse().date(), "the episode reads 11 of 22 as a response");
        OutcomeOverview o = new OutcomeOverview(START.plusDays(25), List.of(phqSeries, series(MADRS, madrs)), List.of(),
                List.of(PHQ9, MADRS), START.minusDays(60), List.of(w), outcomes, false, RULES);

        Map<Long, ChartMarks.Mark> marks = ChartMarks.of(o);
        assertNull(marks.get(episodeBase.id()), "the episode baseline is not marked on a line a course measures");
        assertTrue(marks.get(courseBase.id()).baseline());
        assertEquals(List.of("baseline of Course 2, " + clinic.threshold.ui.common.Formats.date(START)),
                marks.get(courseBase.id()).words());
        assertNull(marks.get(week1.id()), "45% below the course baseline is not a response");
        // Sessions by 21 September: ten weekdays and that Monday.
        assertEquals(List.of("Course 2, " + clinic.threshold.ui.common.Formats.date(START)
                + ": first response at session 11 (50% or more below the course baseline)"), marks.get(week2.id()).words());
        assertFalse(marks.get(week2.id()).baseline());
        assertEquals(List.of("Course 2, " + clinic.threshold.ui.common.Formats.date(START)
                + ": first remission at session 16"), marks.get(week3.id()).words());
        assertTrue(marks.get(madrsBase.id()).baseline(), "MADRS has no course baseline: the episode's is marked");
        assertEquals(List.of("first response (50% or more below baseline)"), marks.get(madrsLater.id()).words(),
                "14 of 30 is 53% below");
    }

    @Test
    void theResponseThresholdInTheWordsIsTheRuleInForce() {
        SavedEntry base = total(1, "MADRS", START.minusDays(50), 30);
        SavedEntry later = total(2, "MADRS", START.minusDays(20), 12);
        OutcomeRules strict = new OutcomeRules(60, 30);
        OutcomeClassifier c = new OutcomeClassifier(strict);
        InstrumentSeries s = new InstrumentSeries(MADRS, List.of(base, later), base, c.classify(MADRS, 30, 12),
                new OutcomeClassifier.Point(later.entry().date(), 12), null);
        OutcomeOverview o = new OutcomeOverview(START, List.of(s), List.of(), List.of(MADRS), null, List.of(), List.of(),
                false, strict);
        assertEquals(List.of("first response (60% or more below baseline)"), ChartMarks.of(o).get(later.id()).words());
    }
}
