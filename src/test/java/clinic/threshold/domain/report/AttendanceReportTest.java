package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.report.AttendanceReport.Visit;
import clinic.threshold.domain.report.AttendanceReport.Visit.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Six appointments worked out by hand: no-shows and late cancellations by weekday, hour and patient. */
class AttendanceReportTest {
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final LocalDate TUE = MON.plusDays(1);

    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError(dimension + " " + value + " in " + r.table().rows()));
    }

    @Test
    void ratesByWeekdayHourAndPatient() {
        List<Visit> visits = List.of(
                new Visit(1, "Ann", MON, LocalTime.of(8, 0), Outcome.ATTENDED, null),
                new Visit(1, "Ann", TUE, LocalTime.of(8, 30), Outcome.NO_SHOW, null),
                new Visit(2, "Bo", MON, LocalTime.of(9, 0), Outcome.CANCELLED, 2L),     // late: 2 hours before
                new Visit(2, "Bo", TUE, LocalTime.of(9, 0), Outcome.CANCELLED, 48L),    // in good time
                new Visit(3, "Cy", MON, LocalTime.of(8, 15), Outcome.ATTENDED, null),
                new Visit(3, "Cy", TUE, LocalTime.of(9, 45), Outcome.ATTENDED, null));
        ReportResult r = AttendanceReport.compute(ReportParams.between(MON, TUE), visits, 24);
        assertEquals(List.of("weekday", "MONDAY", 3, 2, 0, new BigDecimal("0.0"), 1, 1, new BigDecimal("33.3")), row(r, "weekday", "MONDAY"));
        assertEquals(List.of("weekday", "TUESDAY", 3, 1, 1, new BigDecimal("33.3"), 1, 0, new BigDecimal("0.0")), row(r, "weekday", "TUESDAY"));
        assertEquals(List.of("hour", "08:00", 3, 2, 1, new BigDecimal("33.3"), 0, 0, new BigDecimal("0.0")), row(r, "hour", "08:00"));
        assertEquals(List.of("hour", "09:00", 3, 1, 0, new BigDecimal("0.0"), 2, 1, new BigDecimal("33.3")), row(r, "hour", "09:00"));
        List<List<Object>> patients = r.table().rows().stream().filter(x -> x.get(0).equals("patient")).toList();
        assertEquals(List.of("Ann", "Bo"), patients.stream().map(x -> x.get(1)).toList(), "Cy came every time");
        assertEquals(List.of(ReportTable.TOTAL, "", 6, 3, 1, new BigDecimal("16.7"), 2, 1, new BigDecimal("16.7")),
                r.table().rows().get(r.table().rows().size() - 1));
        assertTrue(r.chart().draws(r.table(), row(r, "weekday", "MONDAY")));
        assertTrue(!r.chart().draws(r.table(), row(r, "hour", "08:00")), "the chart shows the weekdays");
    }

    @Test
    void twoPatientsOfTheSameNameAreTwoRows() {
        List<Visit> visits = List.of(
                new Visit(4, "Dee", MON, LocalTime.of(8, 0), Outcome.NO_SHOW, null),
                new Visit(5, "Dee", MON, LocalTime.of(9, 0), Outcome.NO_SHOW, null),
                new Visit(5, "Dee", TUE, LocalTime.of(9, 0), Outcome.NO_SHOW, null),
                new Visit(4, "Dee", TUE, LocalTime.of(8, 0), Outcome.ATTENDED, null));
        ReportResult r = AttendanceReport.compute(ReportParams.between(MON, TUE), visits, 24);
        List<List<Object>> patients = r.table().rows().stream().filter(x -> x.get(0).equals("patient")).toList();
        assertEquals(List.of(List.of("patient", "Dee", 2, 0, 2, new BigDecimal("100.0"), 0, 0, new BigDecimal("0.0")),
                List.of("patient", "Dee", 2, 1, 1, new BigDecimal("50.0"), 0, 0, new BigDecimal("0.0"))), patients,
                "each patient's own visits, most no-shows first");
    }
}
