package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.ClinicCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** A small clinic: two chairs, two technicians, a physician on site 07:00-19:00, open 07:00-19:00 on weekdays. */
final class ScheduleFixtures {
    static final WeeklyHours OPEN = WeeklyHours.weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0));
    static final Chair CHAIR_1 = new Chair(1, "Chair 1", "FIG8", "figure-8", Set.of("TENHZ", "ACC_ITBS"), null, true);
    static final Chair CHAIR_2 = new Chair(2, "Chair 2", "FIG8", "figure-8", Set.of("TENHZ"), null, true);
    static final Technician KIM = new Technician(11, "kim", "Kim", OPEN, Set.of(1L, 2L), Set.of("TENHZ", "ACC_ITBS"), 1,
            true);
    static final Technician LEE = new Technician(12, "lee", "Lee", OPEN, Set.of(1L, 2L), Set.of("TENHZ"), 1, true);
    static final LocalDate MON = LocalDate.of(2026, 1, 5);

    private ScheduleFixtures() {
    }

    static ScheduleState clinic(List<Booking> bookings) {
        return new ScheduleState(ClinicCalendar.weekdays(Set.of()), OPEN, List.of(CHAIR_1, CHAIR_2), List.of(KIM, LEE),
                List.of(OPEN), bookings);
    }

    static Booking booking(long id, long patient, long chair, long tech, LocalDate day, String start, int minutes) {
        return new Booking(id, patient, 100 + patient, 1, "TENHZ", chair, tech, day, LocalTime.parse(start), minutes);
    }
}
