package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.MtComplianceReport.Course;
import clinic.threshold.domain.report.MtComplianceReport.Session;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two courses worked out by hand: weeks are 7-day blocks from the first session; a week counts once however many MTs. */
class MtComplianceReportTest {
    static final LocalDate MON = LocalDate.of(2026, 3, 2);

    /** Weekday sessions for {@code weeks} weeks; MT measured on the days listed (offsets from the first session). */
    static List<Session> sessions(int weeks, int... mtDays) {
        List<Session> out = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            for (int d = 0; d < 5; d++) {
                int offset = w * 7 + d;
                boolean mt = java.util.Arrays.stream(mtDays).anyMatch(x -> x == offset);
                out.add(new Session(MON.plusDays(offset), mt));
            }
        }
        return out;
    }

    @Test
    void weeklyMeasurementPerCourseAndPooled() {
        Course every = new Course("Ann", "10 Hz", MON, sessions(4, 0, 7, 14, 21));     // every week
        Course twice = new Course("Bo", "10 Hz", MON, sessions(4, 0, 1, 14));          // weeks 1 and 3 (two on week 1)
        ReportResult r = MtComplianceReport.compute(ReportParams.between(null, null), List.of(every, twice));
        assertEquals(List.of("Ann", "10 Hz", MON, 20, 4, 4, new BigDecimal("100.0")), r.table().rows().get(0));
        assertEquals(List.of("Bo", "10 Hz", MON, 20, 4, 2, new BigDecimal("50.0")), r.table().rows().get(1));
        assertEquals(List.of(ReportTable.TOTAL, "", 40, 8, 6, new BigDecimal("75.0")),
                r.table().rows().get(2).stream().filter(java.util.Objects::nonNull).toList());
    }
}
