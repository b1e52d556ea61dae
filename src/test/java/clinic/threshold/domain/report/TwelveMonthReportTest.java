package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.TwelveMonthReport.Patient;
import clinic.threshold.domain.report.TwelveMonthReport.Rules;
import clinic.threshold.domain.report.TwelveMonthReport.Score;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CMS159 rules with their published numbers, over patients worked out by hand. The index period is the first
 * quarter of 2025; "today" is late enough for its windows (12 months +- 60 days) to have closed, except where stated.
 */
class TwelveMonthReportTest {
    static final Rules CMS159 = new Rules("PHQ9", 9, 5, 12, 60, 12, 50, List.of("F32.0", "F32.1", "F32.2", "F33", "F34.1"),
            List.of("F31", "F20", "F60.3"));
    static final ReportParams Q1 = ReportParams.between(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    static Patient p(String dx, String group, Object... dayAndTotal) {
        List<Score> scores = new java.util.ArrayList<>();
        for (int i = 0; i < dayAndTotal.length; i += 2) {
            scores.add(new Score(LocalDate.parse((String) dayAndTotal[i]), (Integer) dayAndTotal[i + 1]));
        }
        return new Patient(ADULT, dx, group, scores);
    }

    static List<Object> total(ReportResult r) {
        return r.table().rows().get(r.table().rows().size() - 1);
    }

    @Test
    void remissionAndResponseAtTwelveMonths() {
        List<Patient> patients = List.of(
                // Index 20 on 10 Jan 2025; the last score in 11 Nov 2025 - 11 Mar 2026 is 4: remission and response.
                p("F33.2", "A", "2025-01-10", 20, "2025-12-01", 12, "2026-02-01", 4),
                // Index 18; 9 at twelve months: a fall of exactly 50%: response, not remission.
                p("F32.2", "A", "2025-02-01", 18, "2026-02-01", 9),
                // Index 16 (the first score above 9 in the range, not the 8 before it); 10 at twelve months: neither.
                p("F33.1", "B", "2025-01-05", 8, "2025-01-20", 16, "2026-01-20", 10),
                // Index 12; no score in the window (the one after it is too late): in the denominator, neither.
                p("F34.1", "B", "2025-03-01", 12, "2026-05-15", 3),
                // Bipolar: excluded. Borderline personality (F60.3): excluded.
                p("F31", "A", "2025-01-10", 20, "2026-01-10", 2),
                p("F60.3", "A", "2025-01-10", 20, "2026-01-10", 2),
                // Never above 9 in the range, or only outside it: not in the measure.
                p("F33.2", "A", "2025-01-10", 9, "2026-01-10", 2),
                p("F33.2", "A", "2024-12-31", 22, "2025-12-31", 2),
                // No qualifying diagnosis (generalised anxiety): left out, noted.
                p("F41.1", "A", "2025-01-10", 20, "2026-01-10", 2));
        ReportResult r = TwelveMonthReport.compute(Q1, CMS159, patients, TODAY, true);
        assertEquals(List.of(ReportTable.TOTAL, 4, 1, new BigDecimal("25.0"), 2, new BigDecimal("50.0"), 1, 0, 2), total(r));
        assertEquals(List.of("A", 2, 1, new BigDecimal("50.0"), 2, new BigDecimal("100.0"), 0, 0, 2), r.table().rows().get(0));
        assertEquals(List.of("B", 2, 0, new BigDecimal("0.0"), 0, new BigDecimal("0.0"), 1, 0, 0), r.table().rows().get(1));
        assertEquals(List.of(1, 12), r.notes().get(1).values(), "one patient with an index but no qualifying diagnosis");
    }

    @Test
    void aWindowStillOpenIsNotCountedAndMinorsAreLeftOut() {
        List<Patient> patients = List.of(p("F33.2", "A", "2025-03-01", 20, "2026-03-01", 3),
                new Patient(LocalDate.of(2013, 6, 1), "F33.2", "A", List.of(new Score(LocalDate.of(2025, 2, 1), 20))));
        // On 1 Apr 2026 the window of a 1 Mar 2025 index runs to 30 Apr 2026: not closed.
        ReportResult r = TwelveMonthReport.compute(Q1, CMS159, patients, LocalDate.of(2026, 4, 1), false);
        assertEquals(1, r.table().rows().size(), "no breakdown asked for: the total alone");
        assertEquals(java.util.Arrays.asList(ReportTable.TOTAL, 0, 0, null, 0, null, 0, 1, 0), total(r));
        assertEquals(List.of(1, 12), r.notes().get(1).values(), "11 years old at the index");
    }

    @Test
    void aRemissionCutOffAboveTheResponseLineCountsEachOnItsOwn() {
        Rules strict = new Rules("PHQ9", 9, 5, 12, 60, 12, 70, CMS159.diagnosisCodes(), CMS159.excludedCodes());
        ReportResult r = TwelveMonthReport.compute(Q1, strict, List.of(p("F33.2", "A", "2025-01-10", 10, "2026-01-10", 4)), TODAY, false);
        assertEquals(List.of(1, 1, new BigDecimal("100.0"), 0), total(r).subList(1, 5), "10 to 4 is a 60% fall: remitted, not responded");
    }
}
