package clinic.threshold.data.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports' appointments ({@link AppointmentRepository#spans}, tallied a day at a time) carry the status the
 * calendar shows ({@link AppointmentRepository#between}, tallied for the whole range): done and missed read from the
 * sessions, over a generated clinic and over a range that starts and ends mid-course.
 */
class SpansReadTheCalendarIT {
    @TempDir
    Path dir;

    @Test
    void everyAppointmentHasTheCalendarsStatus() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(80, 3, 11), step -> { });
            try (Connection raw = TestClinic.connectBehindTheApp(dir)) {
                DSLContext dsl = TestClinic.dsl(raw);
                AppointmentRepository appointments = new AppointmentRepository(dsl);
                LocalDate today = TestClinic.TODAY;
                Map<Long, String> stored = dsl.select(clinic.threshold.data.jooq.Tables.APPOINTMENT.ID,
                        clinic.threshold.data.jooq.Tables.APPOINTMENT.STATUS).from(clinic.threshold.data.jooq.Tables.APPOINTMENT)
                        .fetchMap(r -> r.value1(), r -> r.value2());
                for (LocalDate[] range : new LocalDate[][] {{today.minusYears(3), today.plusMonths(2)},
                        {today.minusMonths(17).plusDays(3), today.minusMonths(5).minusDays(2)}}) {
                    Map<Long, AppointmentStatus> calendar = new TreeMap<>(appointments.between(range[0], range[1]).stream()
                            .collect(Collectors.toMap(Appointment::id, Appointment::status)));
                    Map<Long, AppointmentStatus> report = new TreeMap<>(appointments.spans(range[0], range[1]).stream()
                            .collect(Collectors.toMap(AppointmentRepository.Span::id, AppointmentRepository.Span::status)));
                    // The first few that differ, rather than two maps of thousands.
                    List<String> differ = calendar.entrySet().stream().filter(e -> e.getValue() != report.get(e.getKey()))
                            .map(e -> e.getKey() + ": calendar " + e.getValue() + ", report " + report.get(e.getKey())).limit(10).toList();
                    assertEquals(List.of(), differ, "from " + range[0] + " to " + range[1]);
                    assertEquals(calendar.size(), report.size(), "the same appointments");

                    long read = report.entrySet().stream().filter(e -> !e.getValue().name().equals(stored.get(e.getKey()))).count();
                    long done = report.values().stream().filter(s -> s == AppointmentStatus.DONE).count();
                    long missed = report.values().stream().filter(s -> s == AppointmentStatus.MISSED).count();
                    assertTrue(read > 100 && done > 100 && missed > 5,
                            "statuses read from the sessions: " + read + " changed, " + done + " done, " + missed + " missed");
                }
            }
        }
    }
}
