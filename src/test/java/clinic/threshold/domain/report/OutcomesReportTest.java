package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.CourseWindow;
import clinic.threshold.domain.outcome.OutcomeClassifier;
import clinic.threshold.domain.outcome.OutcomeRules;
import clinic.threshold.domain.outcome.SavedEntry;
import clinic.threshold.domain.outcome.ScaleDefinition;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.service.history.SeedReference;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Five hand-built PHQ-9 courses with the figures worked out by hand: intent-to-treat counts a course without a later
 * score as neither responder nor remitter; completers are 20 sessions or a responder with a score.
 */
class OutcomesReportTest {
    static final ScaleDefinition PHQ9 = SeedReference.scales().stream().filter(s -> s.code().equals("PHQ9")).findFirst().orElseThrow();
    static final OutcomeClassifier CLASSIFIER = new OutcomeClassifier(new OutcomeRules(50, 25));
    static long ids = 1;

    /** A course of {@code sessions} weekday sessions from Monday 2026-03-02, baseline two days before, then scores. */
    static OutcomesReport.Course course(String protocol, int sessions, int baseline, int... later) {
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<LocalDate> given = new ArrayList<>();
        for (LocalDate d = start; given.size() < sessions; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                given.add(d);
            }
        }
        List<SavedEntry> entries = new ArrayList<>();
        entries.add(entry(start.minusDays(2), baseline));
        // Later scores every 10th session: the last one at the last session given.
        for (int i = 0; i < later.length; i++) {
            int at = Math.min(sessions, (i + 1) * 10) - 1;
            entries.add(entry(i == later.length - 1 ? given.get(sessions - 1) : given.get(at), later[i]));
        }
        long id = ids++;
        CourseWindow w = new CourseWindow(id, protocol, start, given, List.of(), false);
        List<CourseOutcome> outcomes = CourseOutcome.of(w, List.of(PHQ9), Map.of("PHQ9", entries), CLASSIFIER, 14, 3);
        return new OutcomesReport.Course(id, protocol, sessions, outcomes);
    }

    static SavedEntry entry(LocalDate day, int total) {
        return new SavedEntry(ids++, 0, new ScaleEntry("PHQ9", day, null, total, "patient"), total, "t", Instant.EPOCH);
    }

    @Test
    void intentToTreatAndCompletersByProtocol() {
        List<OutcomesReport.Course> courses = List.of(
                course("10 Hz", 36, 20, 14, 9, 8),      // 60% better: response, no remission; first response at session 20 (9)
                course("10 Hz", 30, 18, 8, 4),          // response at session 10 (8 = 55.6%), remission at the end (4)
                course("10 Hz", 10, 20),                // no later score: neither (ITT), not a completer
                course("10 Hz", 25, 16, 12),            // 25%: partial; a completer by sessions
                course("iTBS", 15, 22, 10));            // 54.5%: a responder, so a completer with 15 sessions
        ReportResult r = OutcomesReport.compute(ReportParams.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)), courses, 20);
        assertEquals(2, r.table().rows().size());
        List<Object> tenHz = r.table().rows().get(0);
        assertEquals(List.of("10 Hz", "PHQ-9", 4, new BigDecimal("50.0"), new BigDecimal("25.0"), 3, new BigDecimal("66.7"),
                new BigDecimal("33.3"), new BigDecimal("-10.0"), new BigDecimal("15.0")), tenHz,
                "ITT 2 of 4 respond, 1 of 4 remits; completers A, B, D; change (-12 -14 -4)/3; sessions to response 20 and 10");
        List<Object> itbs = r.table().rows().get(1);
        assertEquals(List.of("iTBS", "PHQ-9", 1, new BigDecimal("100.0"), new BigDecimal("0.0"), 1, new BigDecimal("100.0"),
                new BigDecimal("0.0"), new BigDecimal("-12.0"), new BigDecimal("15.0")), itbs);
        assertEquals(List.of(5), r.notes().get(0).values());
    }

    @Test
    void aCourseWithoutABaselineIsCountedAndLeftOut() {
        OutcomesReport.Course none = new OutcomesReport.Course(99, "10 Hz", 30, List.of());
        ReportResult r = OutcomesReport.compute(ReportParams.between(null, null), List.of(none), 20);
        assertEquals(List.of(), r.table().rows());
        assertEquals("report.note.outcomes.noBaseline", r.notes().get(1).key());
    }
}
