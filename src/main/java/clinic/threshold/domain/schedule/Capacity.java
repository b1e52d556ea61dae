package clinic.threshold.domain.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Booked against available chair minutes (issue 9, domain.md 8.1): per chair for a day, and per hour of the day
 * across chairs. A chair is available in the clinic's hours (or its own), on open days, while in service.
 */
public final class Capacity {
    private Capacity() {
    }

    /** One chair's day: minutes it is open and minutes booked. */
    public record ChairDay(Chair chair, LocalDate day, int availableMinutes, int bookedMinutes) {
        public int percentBooked() {
            return availableMinutes == 0 ? 0 : bookedMinutes * 100 / availableMinutes;
        }
    }

    /** One hour of a day across chairs. */
    public record Hour(LocalTime from, int availableMinutes, int bookedMinutes) {
    }

    public static List<ChairDay> byChair(ScheduleState s, LocalDate day) {
        List<ChairDay> out = new ArrayList<>();
        for (Chair c : s.chairs()) {
            int available = 0;
            if (c.active() && s.calendar().isOpen(day)) {
                for (TimeRange r : hours(s, c).on(day.getDayOfWeek())) {
                    available += minutes(r.from(), r.to());
                }
            }
            int booked = s.on(day).stream().filter(b -> b.chairId() == c.id()).mapToInt(Booking::minutes).sum();
            out.add(new ChairDay(c, day, available, booked));
        }
        return out;
    }

    public static List<Hour> byHour(ScheduleState s, LocalDate day) {
        List<Hour> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            LocalTime from = LocalTime.of(h, 0);
            LocalTime to = h == 23 ? LocalTime.MAX : LocalTime.of(h + 1, 0);
            int available = 0;
            int booked = 0;
            for (Chair c : s.chairs()) {
                if (!c.active() || !s.calendar().isOpen(day)) {
                    continue;
                }
                for (TimeRange r : hours(s, c).on(day.getDayOfWeek())) {
                    available += overlap(r.from(), r.to(), from, to);
                }
                for (Booking b : s.on(day)) {
                    if (b.chairId() == c.id()) {
                        booked += overlap(b.start(), b.end(), from, to);
                    }
                }
            }
            if (available > 0 || booked > 0) {
                out.add(new Hour(from, available, booked));
            }
        }
        return out;
    }

    private static WeeklyHours hours(ScheduleState s, Chair c) {
        return c.hours() != null ? c.hours() : s.clinicHours();
    }

    private static int overlap(LocalTime a1, LocalTime a2, LocalTime b1, LocalTime b2) {
        LocalTime from = a1.isAfter(b1) ? a1 : b1;
        LocalTime to = a2.isBefore(b2) ? a2 : b2;
        return to.isAfter(from) ? minutes(from, to) : 0;
    }

    private static int minutes(LocalTime from, LocalTime to) {
        return (int) java.time.Duration.between(from, to).toMinutes() + (to.equals(LocalTime.MAX) ? 1 : 0);
    }
}
