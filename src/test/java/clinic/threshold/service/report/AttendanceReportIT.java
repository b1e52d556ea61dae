package clinic.threshold.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.user.Role;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attendance from the calendar: four visits booked early in November, one attended, one cancelled three hours before,
 * one cancelled the day before, one never checked in; read three weeks later by the front desk.
 */
class AttendanceReportIT {
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final LocalDate TUE = MON.plusDays(1);

    @TempDir
    Path dir;

    @Test
    void theFrontDeskSeesNoShowsAndLateCancellations() {
        List<String> labels;
        MutableClock monday = new MutableClock(Instant.parse("2026-11-02T15:00:00Z"), TestClinic.ZONE); // 07:00 in Los Angeles
        try (var c = TestClinic.open(dir, monday)) {
            ScheduleFixture.setUp(c);
            TestClinic.addUser(c, c.context(), "desk", Set.of(Role.SCHEDULER));
            long ann = c.patients().create(TestClinic.person("Ann", "Attends", LocalDate.of(1980, 1, 1), null)).id();
            var boPatient = c.patients().create(TestClinic.person("Bo", "Cancels", LocalDate.of(1980, 1, 1), null));
            var cyPatient = c.patients().create(TestClinic.person("Cy", "Forgets", LocalDate.of(1980, 1, 1), null));
            long bo = boPatient.id();
            long cy = cyPatient.id();
            labels = List.of("Cancels, Bo (" + boPatient.mrn() + ")", "Forgets, Cy (" + cyPatient.mrn() + ")");
            long annMon = c.schedule().bookVisit(ann, AppointmentKind.CONSULT, "Dr. Osei", "Room 1", MON, LocalTime.of(9, 0), 30);
            long boMon = c.schedule().bookVisit(bo, AppointmentKind.CONSULT, "Dr. Osei", "Room 1", MON, LocalTime.of(10, 0), 30);
            c.schedule().bookVisit(cy, AppointmentKind.FOLLOW_UP, "Dr. Osei", "Room 1", TUE, LocalTime.of(9, 0), 30);
            long annTue = c.schedule().bookVisit(ann, AppointmentKind.FOLLOW_UP, "Dr. Osei", "Room 1", TUE, LocalTime.of(10, 0), 30);
            c.schedule().cancel(boMon, 0, "car broke down");      // 3 hours before: late
            c.schedule().cancel(annTue, 0, "holiday");            // 27 hours before: in good time
            c.schedule().arrive(annMon, 0);
        }
        try (var desk = TestClinic.signIn(dir, "desk", TestClinic.PASSWORD)) {
            ReportResult r = desk.reports().run(ReportId.ATTENDANCE, ReportParams.between(MON, MON.plusDays(6)), Progress.NONE);
            List<List<Object>> rows = r.table().rows();
            assertEquals(List.of(ReportTable.TOTAL, "", 4, 1, 1, new BigDecimal("25.0"), 2, 1, new BigDecimal("25.0")),
                    rows.get(rows.size() - 1));
            assertEquals(labels, rows.stream().filter(x -> x.get(0).equals("patient"))
                    .map(x -> x.get(1)).sorted().toList());
            assertEquals(List.of("weekday", "MONDAY", 2, 1, 0, new BigDecimal("0.0"), 1, 1, new BigDecimal("50.0")), rows.get(0));
            assertEquals("Monday", ReportFormat.cell(r.table().columns().get(1), rows.get(0).get(1)), "weekdays in words");
        }
    }
}
