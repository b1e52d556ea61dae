package clinic.threshold.service.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.testing.PostgresClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: two schedulers at two workstations book the same chair at the same time on PostgreSQL. Both check the
 * chair free, then both write; the chair-slot key lets one commit and refuses the other, which is told in words, and
 * nothing is double-booked or half-saved. No application lock is involved: only transactions and the constraint.
 */
class PostgresConcurrentBookingIT {
    @TempDir
    Path dir;

    @Test
    void twoWorkstationsBookingOneChairAtOnceOneWinsTheOtherIsToldAndNothingIsDoubleBooked() throws Exception {
        PostgresClinic pg = new PostgresClinic(dir, Set.of(Role.ADMIN, Role.SCHEDULER, Role.CLINICIAN));
        ScheduleSetupService setup = new ScheduleSetupService(pg.tx, TestClinic.CLOCK, pg.guard);
        List<HoursRow> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new HoursRow(d, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        long chair = setup.saveChair(new ScheduleSetupService.ChairForm(0, 0, "Chair 1", "FIG8", "Figure-8",
                Set.of("TENHZ"), null, true));
        long tech = setup.saveTechnician(new ScheduleSetupService.TechnicianForm(0, 0, "Alex Rivera", null, 1,
                Set.of(chair), Set.of("TENHZ"), weekdays, true));
        PatientService patients = new PatientService(pg.tx, TestClinic.CLOCK, pg.guard);
        long[] who = {
            patients.create(TestClinic.person("Ana", "First", LocalDate.of(1980, 1, 1), null)).id(),
            patients.create(TestClinic.person("Ben", "Second", LocalDate.of(1981, 2, 2), null)).id()};
        LocalDate day = TestClinic.TODAY.plusDays(4);
        LocalTime at = LocalTime.of(10, 0);
        var markBefore = pg.tx.read(dsl -> new AppointmentRepository(dsl).changeMark(day, day));
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        ExecutorService workstations = Executors.newFixedThreadPool(2);
        List<Future<Long>> results = new ArrayList<>();
        for (long patient : who) {
            results.add(workstations.submit(() -> Slots.guarded(() -> pg.tx.inTransaction(dsl -> {
                AppointmentRepository repo = new AppointmentRepository(dsl);
                boolean free = repo.between(day, day).stream().noneMatch(a -> chair == a.chairId()
                        && a.start().isBefore(at.plusMinutes(45)) && at.isBefore(a.end()));
                await(bothChecked); // both have seen the chair free before either writes
                assertTrue(free);
                return repo.insert(new Appointment(0, 0, patient, null, null, AppointmentKind.TMS, null, null, "TENHZ",
                        null, chair, null, tech, null, null, null, day, at, 45, AppointmentStatus.BOOKED, null),
                        "ada", TestClinic.CLOCK.instant());
            }))));
        }
        int won = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<Long> f : results) {
            try {
                f.get(60, TimeUnit.SECONDS);
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof ValidationException v)) {
                    throw e;
                }
                refusals.add(v.violations().get(0).messageKey());
            }
        }
        workstations.shutdown();
        assertEquals(1, won, "one booking wins");
        assertEquals(List.of("schedule.error.slotTaken"), refusals, "the other is told the slot was taken");
        List<Appointment> booked = pg.tx.read(dsl -> new AppointmentRepository(dsl).between(day, day));
        assertEquals(1, booked.size(), "nothing double-booked, nothing half-saved: " + booked);
        assertEquals(9, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.CHAIR_SLOT), "45 minutes of 5-minute slots");
        // The fingerprint other workstations' screens compare (ADR 0025) moves with the booking, on PostgreSQL too.
        var markAfter = pg.tx.read(dsl -> new AppointmentRepository(dsl).changeMark(day, day));
        assertEquals(0, markBefore.appointments());
        assertEquals(1, markAfter.appointments());
        assertTrue(markAfter.lastChange() != null && !markAfter.equals(markBefore));
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
