package clinic.threshold.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.UtilisationReport.ChairHours;
import clinic.threshold.domain.report.UtilisationReport.Use;
import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.WeeklyHours;
import clinic.threshold.domain.tms.ClinicCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One week worked out by hand: two chairs open 09:00-12:00 (180 minutes a day) Monday to Friday, Wednesday a closure,
 * chair B out of service on Thursday; so A is open 4 days (720 min), B 3 days (540 min), 1,260 in all.
 */
class UtilisationReportTest {
    static final LocalDate MON = LocalDate.of(2026, 3, 2);
    static final WeeklyHours MORNINGS = WeeklyHours.weekdays(LocalTime.of(9, 0), LocalTime.of(12, 0));

    static List<Object> row(ReportResult r, String dimension, String value) {
        return r.table().rows().stream().filter(x -> x.get(0).equals(dimension) && x.get(1).equals(value)).findFirst().orElseThrow();
    }

    @Test
    void openBookedAndDeliveredMinutesByChairWeekdayHourAndDay() {
        ClinicCalendar calendar = ClinicCalendar.weekdays(Set.of(MON.plusDays(2)));
        List<ChairHours> chairs = List.of(new ChairHours(1, "A", MORNINGS, true), new ChairHours(2, "B", MORNINGS, true));
        List<Absence> away = List.of(new Absence(9, Absence.Kind.CHAIR, 2, MON.plusDays(3), MON.plusDays(3), "service"));
        List<Use> uses = List.of(
                new Use(1, MON, LocalTime.of(9, 0), 40, true),
                new Use(1, MON, LocalTime.of(10, 40), 40, false),   // 20 min in the 10:00 hour, 20 in the 11:00 hour; a no-show
                new Use(2, MON.plusDays(1), LocalTime.of(9, 0), 60, true),
                new Use(1, MON.plusDays(7), LocalTime.of(9, 0), 60, true)); // after the range: left out
        ReportResult r = UtilisationReport.compute(ReportParams.between(MON, MON.plusDays(6)), MON, MON.plusDays(6), chairs, calendar,
                away, uses);
        assertEquals(List.of(720, 80, new BigDecimal("11.1"), 40, new BigDecimal("5.6")), row(r, "chair", "A").subList(2, 7));
        assertEquals(List.of(540, 60, new BigDecimal("11.1"), 60, new BigDecimal("11.1")), row(r, "chair", "B").subList(2, 7));
        assertEquals(List.of(360, 80, new BigDecimal("22.2"), 40, new BigDecimal("11.1")), row(r, "weekday", "MONDAY").subList(2, 7));
        assertEquals(List.of(180, 0), row(r, "weekday", "THURSDAY").subList(2, 4), "only A on Thursday");
        assertEquals(List.of(420, 100, 100), List.of(row(r, "hour", "09:00").get(2), row(r, "hour", "09:00").get(3),
                row(r, "hour", "09:00").get(5)), "7 chair-days of 60 min; 40 + 60 booked and given");
        assertEquals(List.of(420, 20, 0), List.of(row(r, "hour", "10:00").get(2), row(r, "hour", "10:00").get(3),
                row(r, "hour", "10:00").get(5)));
        assertEquals(20, row(r, "hour", "11:00").get(3));
        assertEquals(List.of(360, 60), row(r, "day", MON.plusDays(1).toString()).subList(2, 4));
        assertEquals(List.of(1260, 140, new BigDecimal("11.1"), 100, new BigDecimal("7.9")), row(r, ReportTable.TOTAL, "").subList(2, 7));
        assertEquals(0, r.table().rows().stream().filter(x -> x.get(1).equals(MON.plusDays(2).toString())).count(),
                "the closure has no open minutes and no bookings, so no day row");
    }

    @Test
    void aChairOutOfServiceForGoodHasBookingsButNoOpenMinutes() {
        ReportResult r = UtilisationReport.compute(ReportParams.between(MON, MON), MON, MON, List.of(new ChairHours(1, "Old", MORNINGS, false)),
                ClinicCalendar.weekdays(Set.of()), List.of(), List.of(new Use(1, MON, LocalTime.of(9, 0), 30, true)));
        assertEquals(java.util.Arrays.asList(0, 30, null, 30, null), row(r, "chair", "Old").subList(2, 7), "no rate without open minutes");
    }
}
