package clinic.threshold.domain.schedule;

import static clinic.threshold.domain.schedule.ScheduleFixtures.MON;
import static clinic.threshold.domain.schedule.ScheduleFixtures.booking;
import static clinic.threshold.domain.schedule.ScheduleFixtures.clinic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapacityAndWaitlistTest {
    @Test
    void capacityCountsOpenChairMinutesAgainstBookings() {
        ScheduleState s = clinic(List.of(booking(1, 1, 1, 11, MON, "08:00", 45), booking(2, 2, 1, 12, MON, "08:45", 45),
                booking(3, 3, 2, 11, MON, "09:30", 60)));
        List<Capacity.ChairDay> chairs = Capacity.byChair(s, MON);
        assertEquals(720, chairs.get(0).availableMinutes(), "07:00 to 19:00");
        assertEquals(90, chairs.get(0).bookedMinutes());
        assertEquals(12, chairs.get(0).percentBooked());
        assertEquals(60, chairs.get(1).bookedMinutes());
        Capacity.Hour eight = Capacity.byHour(s, MON).stream().filter(h -> h.from().equals(LocalTime.of(8, 0)))
                .findFirst().orElseThrow();
        assertEquals(120, eight.availableMinutes(), "two chairs");
        assertEquals(60, eight.bookedMinutes(), "08:00-09:00 on chair 1");
        assertEquals(0, Capacity.byChair(s, MON.plusDays(5)).get(0).availableMinutes(), "Saturday: closed");
    }

    @Test
    void theWaitlistOffersTheLongestWaitingPatientsWhoFitWithoutDoubleBooking() {
        var plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(AutoSchedulerTest.STANDARD, MON, 5);
        Preference eightOnly = new Preference(LocalTime.of(8, 0), LocalTime.of(8, 0), null);
        List<Waitlist.Waiting> waiting = List.of(
                new Waitlist.Waiting("C", MON.minusDays(1), new AutoScheduler.CourseFacts(3, 103, "TENHZ", 45, 45, 0),
                        plan, eightOnly),
                new Waitlist.Waiting("A", MON.minusDays(30), new AutoScheduler.CourseFacts(1, 101, "TENHZ", 45, 45, 0),
                        plan, eightOnly),
                new Waitlist.Waiting("B", MON.minusDays(10), new AutoScheduler.CourseFacts(2, 102, "TENHZ", 45, 45, 0),
                        plan, eightOnly));
        List<Waitlist.Fit> fits = Waitlist.whoFits(new AutoScheduler(15), waiting, clinic(List.of()));
        assertEquals(List.of("A", "B"), fits.stream().map(f -> f.who().name()).toList(),
                "two chairs at 08:00: the two who waited longest; C does not fit");
        assertEquals(List.of(1L, 2L), fits.stream().map(f -> f.placement().placed().get(0).chairId()).toList());
    }
}
