package clinic.threshold.domain.tms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which days the clinic treats patients: its open weekdays minus closures (one-off dates and yearly
 * holidays such as 25 December). Course plans only ever land on open days.
 */
public record ClinicCalendar(Set<DayOfWeek> openDays, Set<LocalDate> closures, Set<MonthDay> yearlyClosures) {
    /** Search horizon for the next open day: a calendar with no open day in two years is a setup error. */
    private static final int HORIZON_DAYS = 731;

    public ClinicCalendar {
        openDays = openDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(openDays));
        closures = Set.copyOf(closures);
        yearlyClosures = Set.copyOf(yearlyClosures);
    }

    /** Monday to Friday, no closures: the default calendar of {@code threshold plan-course}. */
    public static ClinicCalendar weekdays(Set<LocalDate> closures) {
        return new ClinicCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), closures, Set.of());
    }

    /**
     * The calendar of one patient who comes only on {@code days}: the clinic's open weekdays among them, the same
     * closures. Unchanged when {@code days} is empty or shares no open weekday with the clinic.
     */
    public ClinicCalendar onlyOn(Set<DayOfWeek> days) {
        if (days == null || days.isEmpty()) {
            return this;
        }
        Set<DayOfWeek> both = EnumSet.noneOf(DayOfWeek.class);
        both.addAll(openDays);
        both.retainAll(days);
        return both.isEmpty() ? this : new ClinicCalendar(both, closures, yearlyClosures);
    }

    public boolean isOpen(LocalDate day) {
        return openDays.contains(day.getDayOfWeek()) && !closures.contains(day)
                && !yearlyClosures.contains(MonthDay.from(day));
    }

    public boolean isClosure(LocalDate day) {
        return closures.contains(day) || yearlyClosures.contains(MonthDay.from(day));
    }

    /** The first open day on or after {@code day}. */
    public LocalDate nextOpen(LocalDate day) {
        LocalDate d = day;
        for (int i = 0; i < HORIZON_DAYS; i++, d = d.plusDays(1)) {
            if (isOpen(d)) {
                return d;
            }
        }
        throw new IllegalStateException("the clinic calendar has no open day within two years of " + day);
    }
}
