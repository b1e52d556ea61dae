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
        Set<java.time.LocalDate> before = plan.stream().map(PlannedSession::date).collect(java.util.stream.Collectors.toSet());
        List<java.time.LocalDate> newDays = replanned.stream().map(PlannedSession::date).filter(d -> !before.contains(d)).toList();
        // Wednesday's booking goes to the day the acute phase gained at its end; the taper weeks' days shift too.
        assertEquals(newDays, r.moved().stream().map(m -> m.to().day()).sorted().toList(), "only bookings on days no longer planned move");
        assertTrue(r.moved().size() < 10, "a handful moves, not the course: " + r.moved().size());
        Reflow.Move m = r.moved().get(0);
        assertEquals(MON.plusDays(2), m.from().day());
        assertTrue(r.moved().stream().allMatch(x -> x.to().start().equals(LocalTime.of(8, 0)) && x.to().chairId() == 1),
                "at the usual time on the usual chair");
        assertEquals(m.from().id(), m.to().id(), "a move keeps the booking");
        assertEquals(Conflict.Kind.NOT_PLANNED, m.why().get(0).kind(), "why: no session that day any more");
        assertEquals(36 - r.moved().size(), r.kept().size(), "every other booking stays");
        assertEquals(3, r.kept().stream().filter(b -> b.day().equals(MON.plusDays(3))).findFirst().orElseThrow()
                .sessionNumber(), "Thursday's booking is now session 3");
        assertTrue(r.cancelled().isEmpty() && r.placed().isEmpty() && r.unplaced().isEmpty());
    }

    @Test
    void aChairOutOfServiceMovesItsBookingsToAnotherChairAtTheSameTime() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 5);
        List<Booking> current = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        Chair broken = new Chair(1, "Chair 1", "FIG8", "figure-8", Set.of("TENHZ"), null, false);
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

    @Test
    void aMissSlidesThePlanAndOnlyTheLastSessionIsAdded() {
        ClinicCalendar cal = ClinicCalendar.weekdays(Set.of());
        List<PlannedSession> plan = new CoursePlanner(cal).plan(AutoSchedulerTest.STANDARD, MON, 10);
        List<Booking> all = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        // Monday was missed: its booking is no longer current, and the 10 sessions now run Tuesday to Monday next.
        List<Booking> current = all.subList(1, all.size());
        List<PlannedSession> replanned = new CoursePlanner(cal).plan(AutoSchedulerTest.STANDARD, MON.plusDays(1), 10);
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, current, replanned, MORNING, clinic(List.of()));
        assertEquals(9, r.kept().size());
        assertEquals(1, r.placed().size());
        assertEquals(replanned.get(9).date(), r.placed().get(0).day());
        assertTrue(r.moved().isEmpty() && r.cancelled().isEmpty());
    }

    @Test
    void aTechnicianAwayHandsTheDayToAnotherTechnician() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 5);
        List<Booking> current = saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed());
        long kim = current.get(0).technicianId();
        Absence away = new Absence(1, Absence.Kind.TECHNICIAN, kim, MON.plusDays(1), MON.plusDays(1), "course");
        ScheduleState others = new ScheduleState(ClinicCalendar.weekdays(Set.of()), ScheduleFixtures.OPEN,
                List.of(ScheduleFixtures.CHAIR_1, ScheduleFixtures.CHAIR_2), List.of(ScheduleFixtures.KIM, ScheduleFixtures.LEE),
                List.of(ScheduleFixtures.OPEN), List.of(), List.of(away));
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, current, plan, MORNING, others);
        assertEquals(1, r.moved().size());
        Reflow.Move m = r.moved().get(0);
        assertEquals(MON.plusDays(1), m.to().day(), "the same day");
        assertEquals(m.from().start(), m.to().start(), "the same time");
        assertTrue(m.to().technicianId() != kim, "another technician");
        assertEquals("schedule.conflict.technicianAway", m.why().get(0).messageKey(), "why: the technician is away");
        assertEquals(4, r.kept().size());
    }

    @Test
    void aCourseDraggedOutsideItsWindowKeepsItsNewTimeWhenReflowed() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD,
                MON, 5);
        List<Booking> atNoon = new ArrayList<>();
        for (Booking b : saved(SCHEDULER.place(AutoSchedulerTest.TEN_HZ, plan, MORNING, clinic(List.of())).placed())) {
            atNoon.add(new Booking(b.id(), b.patientId(), b.courseId(), b.sessionNumber(), b.protocol(), b.chairId(),
                    b.technicianId(), b.day(), LocalTime.NOON, b.minutes()));
        }
        ClinicCalendar closedTuesday = ClinicCalendar.weekdays(Set.of(MON.plusDays(1)));
        List<PlannedSession> replanned = new CoursePlanner(closedTuesday).plan(AutoSchedulerTest.STANDARD, MON, 5);
        ScheduleState others = new ScheduleState(closedTuesday, ScheduleFixtures.OPEN, List.of(ScheduleFixtures.CHAIR_1,
                ScheduleFixtures.CHAIR_2), List.of(ScheduleFixtures.KIM, ScheduleFixtures.LEE), List.of(ScheduleFixtures.OPEN), List.of());
        Reflow.Result r = Reflow.reflow(SCHEDULER, AutoSchedulerTest.TEN_HZ, atNoon, replanned, MORNING, others);
        assertEquals(1, r.moved().size());
        assertEquals(LocalTime.NOON, r.moved().get(0).to().start(), "the usual time, although the saved window ends at 10:00");
    }
}
