package clinic.threshold.domain.schedule;

import static clinic.threshold.domain.schedule.ScheduleFixtures.MON;
import static clinic.threshold.domain.schedule.ScheduleFixtures.booking;
import static clinic.threshold.domain.schedule.ScheduleFixtures.clinic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.ClinicCalendar;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each conflict rule of issue 9, one at a time. */
class ConflictCheckerTest {
    static List<Conflict.Kind> kinds(Booking b, ScheduleState s) {
        return ConflictChecker.check(b, s, 0).stream().map(Conflict::kind).toList();
    }

    @Test
    void aFreeSlotHasNoConflict() {
        assertEquals(List.of(), kinds(booking(0, 1, 1, 11, MON, "08:00", 45), clinic(List.of())));
    }

    @Test
    void theChairIsBookedAndSaysWhen() {
        ScheduleState s = clinic(List.of(booking(7, 2, 1, 12, MON, "08:00", 45)));
        List<Conflict> c = ConflictChecker.check(booking(0, 1, 1, 11, MON, "08:30", 45), s, 0);
        assertEquals(List.of(Conflict.Kind.CHAIR_BUSY), c.stream().map(Conflict::kind).toList());
        assertEquals(List.of("Chair 1", LocalTime.of(8, 0), LocalTime.of(8, 45)), c.get(0).args());
        assertEquals(List.of(), kinds(booking(0, 1, 1, 11, MON, "08:45", 45), s), "back to back is fine");
        assertEquals(List.of(), kinds(booking(7, 2, 1, 12, MON, "08:15", 45), s), "moving a booking ignores itself");
    }

    @Test
    void closedDaysHoursAndChairsThatCannotDeliverTheProtocol() {
        ScheduleState closed = new ScheduleState(ClinicCalendar.weekdays(Set.of(MON)), ScheduleFixtures.OPEN,
                List.of(ScheduleFixtures.CHAIR_1), List.of(ScheduleFixtures.KIM), List.of(ScheduleFixtures.OPEN), List.of());
        assertEquals(List.of(Conflict.Kind.CLINIC_CLOSED), kinds(booking(0, 1, 1, 11, MON, "08:00", 45), closed));
        assertEquals(List.of(Conflict.Kind.CLINIC_CLOSED, Conflict.Kind.TECHNICIAN_HOURS, Conflict.Kind.PHYSICIAN_ABSENT),
                kinds(booking(0, 1, 1, 11, MON, "18:30", 45), clinic(List.of())), "past closing time");
        Booking itbs = new Booking(0, 1, 101L, 1, "ACC_ITBS", 2, 11, MON, LocalTime.of(8, 0), 15);
        assertEquals(List.of(Conflict.Kind.CHAIR_PROTOCOL), kinds(itbs, clinic(List.of())));
    }

    @Test
    void techniciansMustBeTrainedAndFree() {
        Booking itbsWithLee = new Booking(0, 1, 101L, 1, "ACC_ITBS", 1, 12, MON, LocalTime.of(8, 0), 15);
        assertEquals(List.of(Conflict.Kind.TECHNICIAN_TRAINING), kinds(itbsWithLee, clinic(List.of())));
        ScheduleState s = clinic(List.of(booking(7, 2, 2, 11, MON, "08:00", 45)));
        assertEquals(List.of(Conflict.Kind.TECHNICIAN_BUSY), kinds(booking(0, 1, 1, 11, MON, "08:15", 45), s),
                "Kim runs one chair at a time");
    }

    @Test
    void aPhysicianMustBeOnSite() {
        ScheduleState s = new ScheduleState(ClinicCalendar.weekdays(Set.of()), ScheduleFixtures.OPEN,
                List.of(ScheduleFixtures.CHAIR_1), List.of(ScheduleFixtures.KIM),
                List.of(WeeklyHours.weekdays(LocalTime.of(12, 0), LocalTime.of(19, 0))), List.of());
        assertEquals(List.of(Conflict.Kind.PHYSICIAN_ABSENT), kinds(booking(0, 1, 1, 11, MON, "08:00", 45), s));
    }

    @Test
    void aPatientIsNotBookedTwiceAndAcceleratedSessionsKeepTheirInterval() {
        ScheduleState s = clinic(List.of(booking(7, 1, 2, 12, MON, "08:00", 45)));
        assertEquals(List.of(Conflict.Kind.PATIENT_BUSY), kinds(booking(0, 1, 1, 11, MON, "08:30", 45), s));
        Booking first = new Booking(5, 1, 101L, 1, "ACC_ITBS", 1, 11, MON, LocalTime.of(8, 0), 15);
        Booking soon = new Booking(0, 1, 101L, 2, "ACC_ITBS", 1, 11, MON, LocalTime.of(8, 30), 15);
        assertEquals(List.of(Conflict.Kind.INTERVAL), ConflictChecker.check(soon, clinic(List.of(first)), 50).stream()
                .map(Conflict::kind).toList());
    }

    @Test
    void aBookingThatWouldRunPastMidnightIsRefusedBeforeAnythingElse() {
        Booking late = ScheduleFixtures.booking(0, 1, 1, 11, ScheduleFixtures.MON, "23:30", 50);
        List<Conflict> c = ConflictChecker.check(late, ScheduleFixtures.clinic(List.of()), 0);
        assertEquals(1, c.size(), c.toString());
        assertEquals("schedule.conflict.pastMidnight", c.get(0).messageKey());
        assertTrue(ConflictChecker.check(ScheduleFixtures.booking(0, 1, 1, 11, ScheduleFixtures.MON, "23:10", 50),
                ScheduleFixtures.clinic(List.of()), 0).stream().noneMatch(x -> x.messageKey().equals("schedule.conflict.pastMidnight")),
                "23:10 + 50 min ends at midnight exactly");
    }
}
