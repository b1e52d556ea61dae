package clinic.threshold.domain.schedule;

import static clinic.threshold.domain.schedule.ScheduleFixtures.MON;
import static clinic.threshold.domain.schedule.ScheduleFixtures.booking;
import static clinic.threshold.domain.schedule.ScheduleFixtures.clinic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.PlannedSession;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AutoSchedulerTest {
    static final CourseTemplate STANDARD = new CourseTemplate(30, 5, 1, 0, List.of(3, 2, 1));
    static final AutoScheduler.CourseFacts TEN_HZ = new AutoScheduler.CourseFacts(1, 101, "TENHZ", 45, 90, 0);
    static final Preference MORNING = new Preference(LocalTime.of(8, 0), LocalTime.of(10, 0), null);

    static List<PlannedSession> plan(CourseTemplate t, int n) {
        return new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(t, MON, n);
    }

    @Test
    void aWholeCourseGoesAtTheSameTimeOnTheSameChair() {
        Placement p = new AutoScheduler(15).place(TEN_HZ, plan(STANDARD, 36), MORNING, clinic(List.of()));
        assertEquals(36, p.placed().size());
        assertTrue(p.unplaced().isEmpty());
        assertEquals(90, p.placed().get(0).minutes(), "the first session has the longer slot for mapping and MT");
        assertTrue(p.placed().stream().allMatch(b -> b.start().equals(LocalTime.of(8, 0)) && b.chairId() == 1));
    }

    @Test
    void aBusyChairMovesTheSessionToAnotherChairAtTheSameTimeThenToTheNearestTime() {
        List<Booking> existing = new ArrayList<>();
        existing.add(booking(1, 9, 1, 12, MON.plusDays(1), "08:00", 45));
        Placement p = new AutoScheduler(15).place(TEN_HZ, plan(STANDARD, 3), MORNING, clinic(existing));
        Booking tuesday = p.placed().get(1);
        assertEquals(2, tuesday.chairId(), "Chair 2 at the same time");
        assertEquals(LocalTime.of(8, 0), tuesday.start());
        assertEquals(1, p.placed().get(2).chairId(), "back on the usual chair on Wednesday");

        existing.add(booking(2, 8, 2, 11, MON.plusDays(2), "08:00", 45));
        existing.add(booking(3, 7, 1, 12, MON.plusDays(2), "08:00", 45));
        Placement busy = new AutoScheduler(15).place(TEN_HZ, plan(STANDARD, 3), MORNING, clinic(existing));
        assertEquals(LocalTime.of(8, 45), busy.placed().get(2).start(), "both chairs taken at 08:00: the nearest free time");
    }

    @Test
    void whatCannotBePlacedIsReportedWithWhy() {
        List<Booking> full = List.of(booking(1, 9, 1, 11, MON, "08:00", 180), booking(2, 8, 2, 12, MON, "08:00", 180));
        Placement p = new AutoScheduler(15).place(TEN_HZ, plan(STANDARD, 2), MORNING, clinic(full));
        assertEquals(1, p.unplaced().size());
        assertEquals(1, p.unplaced().get(0).session().number());
        assertTrue(p.unplaced().get(0).reasons().stream().anyMatch(c -> c.kind() == Conflict.Kind.CHAIR_BUSY),
                p.unplaced().get(0).reasons().toString());
        assertEquals(1, p.placed().size(), "Tuesday still placed");
    }

    @Test
    void anAcceleratedDayIsABlockOnOneChairAtTheInterval() {
        CourseTemplate acc = new CourseTemplate(50, 50, 10, 50, List.of());
        AutoScheduler.CourseFacts facts = new AutoScheduler.CourseFacts(1, 101, "ACC_ITBS", 15, 15, 50);
        Placement p = new AutoScheduler(5).place(facts, plan(acc, 10), new Preference(LocalTime.of(8, 0),
                LocalTime.of(9, 0), null), clinic(List.of()));
        assertEquals(10, p.placed().size(), p.unplaced().toString());
        for (int i = 1; i < 10; i++) {
            assertEquals(p.placed().get(i - 1).start().plusMinutes(50), p.placed().get(i).start());
            assertEquals(1, p.placed().get(i).chairId(), "only Chair 1 delivers it");
        }
        assertEquals(LocalTime.of(15, 30), p.placed().get(9).start());
    }

    @Test
    void aSessionWithAMotorThresholdReDeterminationGetsItsLongerSlot() {
        List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(Set.of())).plan(STANDARD, ScheduleFixtures.MON, 10);
        AutoScheduler.CourseFacts facts = new AutoScheduler.CourseFacts(1, 101, "TENHZ", 45, 90, 0, Set.of(6), 55);
        Placement p = new AutoScheduler(15).place(facts, plan, new Preference(LocalTime.of(8, 0), LocalTime.of(9, 0), null),
                ScheduleFixtures.clinic(List.of()));
        assertEquals(List.of(90, 45, 45, 45, 45, 55, 45, 45, 45, 45), p.placed().stream().map(Booking::minutes).toList());
    }
}
