package clinic.threshold.domain.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One line of an hours form as typed: a weekday and a stretch, checked before it becomes {@link WeeklyHours}. */
public record HoursRow(DayOfWeek day, LocalTime from, LocalTime to) {
}
