package clinic.threshold.domain.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Hours per weekday (several ranges a day allowed, a lunch break say); a missing day is closed. */
public record WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {

    public WeeklyHours {
        Map<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((d, r) -> copy.put(d, List.copyOf(r)));
        days = Map.copyOf(copy);
    }

    /** The same hours Monday to Friday. */
    public static WeeklyHours weekdays(LocalTime from, LocalTime to) {
        Map<DayOfWeek, List<TimeRange>> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= DayOfWeek.FRIDAY.getValue()) {
                m.put(d, List.of(new TimeRange(from, to)));
            }
        }
        return new WeeklyHours(m);
    }

    public List<TimeRange> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Whether [start, end) lies inside one of the day's ranges. */
    public boolean covers(DayOfWeek day, LocalTime start, LocalTime end) {
        return on(day).stream().anyMatch(r -> r.contains(start, end));
    }
}
