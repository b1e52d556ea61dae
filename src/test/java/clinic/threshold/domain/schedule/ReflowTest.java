package clinic.threshold.domain.schedule;

import static clinic.threshold.domain.schedule.ScheduleFixtures.MON;
import static clinic.threshold.domain.schedule.ScheduleFixtures.clinic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.PlannedSession;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReflowTest {
    static final AutoScheduler SCHEDULER = new AutoScheduler(15);
    static final Preference MORNING = new Preference(LocalTime.of(8, 0), LocalTime.of(10, 0), null);

    /** Ids for the bookings as if saved. */
    static List<Booking> saved(List<Booking> proposals) {
        List<Booking> out = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            Booking b = proposals.get(i);
            out.add(new Booking(1000 + i, b.patientId(), b.courseId(), b.sessionNumber(), b.protocol(), b.chairId(),
                    b.technicianId(), b.day(), b.start(), b.minutes()));
        }
        return out;
    }

    @Test
    void aNewClosureMovesOnlyTheSessionsFromThatDayOn() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 36);
        List<Booking> current = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        ClinicCalendar closedWednesday = ClinicCalendar.weekdays(Set.of(MON.plusDays(2)));
        List<PlannedSession> replanned = new CoursePlanner(closedWednesday).plan(AutoSchedulerTest.STANDARD, MON, 36);
        ScheduleState others = new ScheduleState(closedWednesday, ScheduleFixtures.OPEN, List.of(ScheduleFixtures.CHAIR_1,
                ScheduleFixtures.CHAIR_2), List.of(ScheduleFixtures.KIM, ScheduleFixtures.LEE), List.of(ScheduleFixtures.OPEN),
                List.of());
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, current, replanned, MORNING, others);
        assertEquals(2, r.kept().size(), "Monday and Tuesday stay");
        assertEquals(34, r.moved().size(), "everything from Wednesday on moves one open day");
        assertTrue(r.moved().stream().allMatch(m -> m.to().start().equals(LocalTime.of(8, 0)) && m.to().chairId() == 1),
                "at the usual time on the usual chair");
        assertEquals(r.moved().get(0).from().id(), r.moved().get(0).to().id(), "a move keeps the booking");
        assertTrue(r.cancelled().isEmpty() && r.placed().isEmpty() && r.unplaced().isEmpty());
    }

    @Test
    void aChairOutOfServiceMovesItsBookingsToAnotherChairAtTheSameTime() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 5);
        List<Booking> current = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        Chair broken = new Chair(1, "Chair 1", "FIG8", Set.of("TENHZ"), null, false);
        ScheduleState others = new ScheduleState(ClinicCalendar.weekdays(Set.of()), ScheduleFixtures.OPEN,
                List.of(broken, ScheduleFixtures.CHAIR_2), List.of(ScheduleFixtures.KIM, ScheduleFixtures.LEE),
                List.of(ScheduleFixtures.OPEN), List.of());
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, current, plan, MORNING, others);
        assertEquals(5, r.moved().size());
        assertTrue(r.moved().stream().allMatch(m -> m.to().chairId() == 2 && m.to().start().equals(LocalTime.of(8, 0))));
    }

    @Test
    void nothingChangesWhenNothingMustMove() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 10);
        List<Booking> current = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, current, plan, MORNING, clinic(List.of()));
        assertEquals(10, r.kept().size());
        assertTrue(!r.changes());
    }
}
