package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.AdverseEventsReport.Event;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 2,000 sessions (1,500 of 10 Hz, 500 of iTBS) and five events worked out by hand: rates per 1,000 and 10,000 sessions
 * by type over all sessions, by protocol over that protocol's sessions; seizures compared with the benchmark.
 */
class AdverseEventsReportTest {
    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst().orElseThrow();
    }

    @Test
    void ratesByTypeAndProtocol() {
        List<Event> events = List.of(new Event("HEADACHE", "MILD", "10 Hz", 1), new Event("HEADACHE", "MODERATE", "10 Hz", 1),
                new Event("HEADACHE", "MILD", "iTBS", 2), new Event("SYNCOPE", "SEVERE", "iTBS", 3),
                new Event("SEIZURE", "SEVERE", "10 Hz", 4));
        ReportResult r = AdverseEventsReport.compute(ReportParams.between(null, null), Map.of("10 Hz", 1500, "iTBS", 500), events,
                new BigDecimal("0.31"));
        // Headache: 3 events, 2 patients, 3 / 2,000 = 1.50 per 1,000 and 15.00 per 10,000.
        assertEquals(List.of(3, 0, 2, 2000, new BigDecimal("1.50"), new BigDecimal("15.00")), row(r, "type", "HEADACHE").subList(2, 8));
        assertEquals(List.of(1, 1, 1, 2000, new BigDecimal("0.50"), new BigDecimal("5.00")), row(r, "type", "SEIZURE").subList(2, 8));
        // iTBS: 2 events in its 500 sessions = 4.00 per 1,000.
        assertEquals(List.of(2, 1, 2, 500, new BigDecimal("4.00"), new BigDecimal("40.00")), row(r, "protocol", "iTBS").subList(2, 8));
        assertEquals(List.of(3, 1, 2, 1500, new BigDecimal("2.00"), new BigDecimal("20.00")), row(r, "protocol", "10 Hz").subList(2, 8));
        assertEquals(List.of(5, 2, 4, 2000, new BigDecimal("2.50"), new BigDecimal("25.00")), row(r, ReportTable.TOTAL, "").subList(2, 8));
        assertEquals(List.of(1, 2000, "5.00", "0.31"), r.notes().get(1).values());
    }

    @Test
    void seizuresAreListedEvenWhenThereAreNone() {
        ReportResult r = AdverseEventsReport.compute(ReportParams.between(null, null), Map.of(), List.of(), new BigDecimal("0.31"));
        assertEquals(java.util.Arrays.asList(0, 0, 0, 0, null, null), row(r, "type", "SEIZURE").subList(2, 8), "no sessions, no rate");
        assertEquals(List.of(0, 0, "\u2014", "0.31"), r.notes().get(1).values());
    }
}
