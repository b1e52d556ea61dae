package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.report.BillingReport.Sessions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions counted by month, code and payer, with each month's total, worked out by hand. */
class BillingReportTest {
    @Test
    void monthCodeAndPayerWithMonthlyTotals() {
        LocalDate oct = LocalDate.of(2026, 10, 30);
        LocalDate nov = LocalDate.of(2026, 11, 2);
        YearMonth o = YearMonth.from(oct);
        YearMonth n = YearMonth.from(nov);
        List<Sessions> sessions = List.of(
                new Sessions(o, "90867", "Aetna", 1),
                new Sessions(o, "90868", "Aetna", 1),
                new Sessions(n, "90869", "Aetna", 1),
                new Sessions(n, "90868", "Aetna", 1),
                new Sessions(n, "90868", "Cigna / Evernorth", 1),
                new Sessions(n, "90868", null, 1));
        ReportResult r = BillingReport.compute(ReportParams.between(oct, nov.plusDays(5)), sessions);
        assertEquals(List.of(6), r.notes().get(0).values(), "six sessions in all");
        assertEquals(List.of(
                List.of("2026-10", "90867", "Aetna", 1),
                List.of("2026-10", "90868", "Aetna", 1),
                List.of("2026-10", ReportTable.TOTAL, "", 2),
                List.of("2026-11", "90868", "Aetna", 1),
                List.of("2026-11", "90868", "Cigna / Evernorth", 1),
                List.of("2026-11", "90868", BillingReport.NO_PAYER, 1),
                List.of("2026-11", "90869", "Aetna", 1),
                List.of("2026-11", ReportTable.TOTAL, "", 4)), r.table().rows());
        assertTrue(r.chart().draws(r.table(), r.table().rows().get(2)) && !r.chart().draws(r.table(), r.table().rows().get(0)),
                "the chart shows the monthly totals");
    }
}
