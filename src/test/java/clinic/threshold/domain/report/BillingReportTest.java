package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.report.BillingReport.Session;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions counted by month, code and payer, with each month's total, worked out by hand. */
class BillingReportTest {
    @Test
    void monthCodeAndPayerWithMonthlyTotals() {
        LocalDate oct = LocalDate.of(2026, 10, 30);
        LocalDate nov = LocalDate.of(2026, 11, 2);
        List<Session> sessions = List.of(
                new Session(oct, "90867", "Aetna"),
                new Session(oct.plusDays(1), "90868", "Aetna"),
                new Session(nov, "90869", "Aetna"),
                new Session(nov.plusDays(1), "90868", "Aetna"),
                new Session(nov.plusDays(1), "90868", "Cigna / Evernorth"),
                new Session(nov.plusDays(2), "90868", null));
        ReportResult r = BillingReport.compute(ReportParams.between(oct, nov.plusDays(5)), sessions);
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
