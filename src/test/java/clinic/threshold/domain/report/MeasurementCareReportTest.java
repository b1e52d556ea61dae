package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.MeasurementCareReport.Alert;
import clinic.threshold.domain.report.MeasurementCareReport.Course;
import clinic.threshold.domain.report.MeasurementCareReport.Point;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two courses worked out by hand: points due (done, overdue, missed; not the ones still ahead) and alerts with review times. */
class MeasurementCareReportTest {
    static final Instant T = Instant.parse("2026-03-02T15:00:00Z");
    static final List<String> KINDS = List.of("BASELINE", "WEEKLY", "LAST_ACUTE", "LAST_TAPER");

    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst().orElseThrow();
    }

    @Test
    void onTimeShareAndHoursToReview() {
        Course ended = new Course("10 Hz", "PHQ9", List.of(new Point("BASELINE", "DONE"), new Point("WEEKLY", "DONE"),
                new Point("WEEKLY", "MISSED"), new Point("WEEKLY", "LATE"), new Point("LAST_ACUTE", "DONE")),
                List.of(new Alert(1, T, T.plus(Duration.ofHours(2))), new Alert(2, T.plus(Duration.ofDays(3)),
                        T.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(30)))));
        Course running = new Course("iTBS", "PHQ9", List.of(new Point("BASELINE", "DONE"), new Point("WEEKLY", "OVERDUE"),
                new Point("WEEKLY", "UPCOMING"), new Point("LAST_ACUTE", "UPCOMING")), List.of(new Alert(3, T, null)));
        ReportResult r = MeasurementCareReport.compute(ReportParams.between(null, null), KINDS, List.of(ended, running));
        assertEquals(List.of(2, 2, 0, 0, 0, new BigDecimal("100.0")), row(r, "point", "BASELINE").subList(2, 8));
        assertEquals(List.of(4, 1, 1, 1, 1, new BigDecimal("25.0")), row(r, "point", "WEEKLY").subList(2, 8),
                "the upcoming one is not due; the late one is due, done late, not on time");
        assertEquals(List.of(0, 0, 0, 0), row(r, "point", "LAST_TAPER").subList(2, 6), "listed though no course asked for it");
        // 10 Hz: alerts reviewed after 2 h and 0.5 h: median (120 + 30) / 2 = 75 min = 1.25 h, shown as 1.3; longest 2.0.
        assertEquals(List.of(5, 3, 0, 1, 1, new BigDecimal("60.0"), 2, 2, 0, new BigDecimal("1.3"), new BigDecimal("2.0")),
                row(r, "protocol", "10 Hz (PHQ9)").subList(2, 13));
        assertEquals(java.util.Arrays.asList(2, 1, 1, 0, 0, new BigDecimal("50.0"), 1, 0, 1, null, null),
                row(r, "protocol", "iTBS (PHQ9)").subList(2, 13), "an open alert has no review time");
        assertEquals(List.of(7, 4, 1, 1, 1, new BigDecimal("57.1"), 3, 2, 1), row(r, ReportTable.TOTAL, "").subList(2, 11));
    }
}
