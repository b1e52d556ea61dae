package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.CompletionReport.Course;
import clinic.threshold.domain.report.CompletionReport.Course.Status;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Five courses with the figures worked out by hand: completion counts sessions against the plan made at the start. */
class CompletionReportTest {
    static List<Object> figures(Object... v) {
        return List.of(v);
    }

    @Test
    void completionDropoutSessionsExtensionsAndRetreatmentsPerProtocolAndInAll() {
        List<Course> courses = List.of(
                new Course("10 Hz", Status.RUNNING, 10, 36, 36, false),    // still running
                new Course("10 Hz", Status.COMPLETED, 36, 36, 36, false),  // completed
                new Course("10 Hz", Status.STOPPED, 12, 36, 36, false),    // dropped out at 12
                new Course("10 Hz", Status.COMPLETED, 46, 46, 36, false),  // completed after a 10-session extension
                new Course("iTBS", Status.RUNNING, 36, 36, 36, true));     // every planned session given: completed
        ReportResult r = CompletionReport.compute(ReportParams.between(null, null), courses);
        List<List<Object>> rows = r.table().rows();
        assertEquals(3, rows.size(), "two protocols and the total");
        assertEquals(figures("10 Hz", 4, 2, new BigDecimal("50.0"), 1, new BigDecimal("25.0"), 1, new BigDecimal("31.3"),
                new BigDecimal("36.0"), 1, new BigDecimal("25.0"), 0), rows.get(0), "ended courses gave 36, 12 and 46 sessions");
        assertEquals(figures("iTBS", 1, 1, new BigDecimal("100.0"), 0, new BigDecimal("0.0"), 0, new BigDecimal("36.0"),
                new BigDecimal("36.0"), 0, new BigDecimal("0.0"), 1), rows.get(1));
        assertEquals(figures(ReportTable.TOTAL, 5, 3, new BigDecimal("60.0"), 1, new BigDecimal("20.0"), 1, new BigDecimal("32.5"),
                new BigDecimal("36.0"), 1, new BigDecimal("20.0"), 1), rows.get(2));
    }

    @Test
    void oneGroupHasNoTotalRow() {
        ReportResult r = CompletionReport.compute(ReportParams.between(null, null),
                List.of(new Course("10 Hz", Status.STOPPED, 3, 36, 36, false)));
        assertEquals(1, r.table().rows().size());
        assertEquals(new BigDecimal("100.0"), r.table().rows().get(0).get(5), "a dropout");
    }
}
