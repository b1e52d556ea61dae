package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.AuthorizationsReport.Request;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Five requests worked out by hand: counts by status, payer and denial reason, days to decision, units approved and used. */
class AuthorizationsReportTest {
    static final List<String> STATUSES = List.of("DRAFT", "SUBMITTED", "PENDING_INFO", "APPROVED", "DENIED", "APPEAL", "EXPIRED");

    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst().orElseThrow();
    }

    @Test
    void pipelineByStatusPayerAndReason() {
        List<Request> requests = List.of(
                new Request("APPROVED", "Acme", 4L, true, false, null, 36, 30),
                new Request("EXPIRED", "Acme", 10L, true, false, null, 6, 6),
                new Request("DENIED", "Acme", 3L, false, true, "Too few failed trials", null, 0),
                new Request("APPEAL", "Bolt", 7L, false, true, "too few  failed trials", null, 0),
                new Request("SUBMITTED", "Bolt", null, false, false, null, null, 0));
        ReportResult r = AuthorizationsReport.compute(ReportParams.between(null, null), STATUSES, requests);
        assertEquals(List.of(0), row(r, "status", "DRAFT").subList(2, 3), "every status is listed");
        assertEquals(1, row(r, "status", "SUBMITTED").get(2));
        // Acme: 3 decided, 2 approved (67%), days 3, 4, 10 (median 4, mean 5.7), 42 units approved, 36 used (85.7%).
        assertEquals(List.of(3, 3, 2, 1, new BigDecimal("66.7"), new BigDecimal("4.0"), new BigDecimal("5.7"), 42, 36,
                new BigDecimal("85.7")), row(r, "payer", "Acme").subList(2, 12));
        assertEquals(List.of(2, 1, 0, 1, new BigDecimal("0.0"), new BigDecimal("7.0")), row(r, "payer", "Bolt").subList(2, 8));
        List<Object> reason = row(r, "denialReason", "Too few failed trials");
        assertEquals(2, reason.get(2), "the same words in another case and spacing are one reason");
        // All: 4 decided, median of 3, 4, 7, 10 is 5.5; mean 6.0.
        assertEquals(List.of(5, 4, 2, 2, new BigDecimal("50.0"), new BigDecimal("5.5"), new BigDecimal("6.0"), 42, 36),
                row(r, ReportTable.TOTAL, "").subList(2, 11));
    }
}
