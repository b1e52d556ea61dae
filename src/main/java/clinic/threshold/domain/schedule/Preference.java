package clinic.threshold.domain.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a patient wants to come: the window in which a session may start (for example 07:00 to 09:00 before work),
 * a chair if they have one they prefer (null for any), and the weekdays they can come (empty for any open day;
 * the course plan then keeps to those days).
 */
public record Preference(LocalTime earliest, LocalTime latest, Long chairId, Set<DayOfWeek> days) {

    public Preference {
        if (earliest == null || latest == null || latest.isBefore(earliest)) {
            throw new IllegalArgumentException("the preferred window must not end before it starts");
        }
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    /** Any weekday the clinic is open. */
    public Preference(LocalTime earliest, LocalTime latest, Long chairId) {
        this(earliest, latest, chairId, Set.of());
    }
}
