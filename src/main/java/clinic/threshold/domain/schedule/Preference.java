package clinic.threshold.domain.schedule;

import java.time.LocalTime;

/**
 * When a patient wants to come: the window in which a session may start (for example 07:00 to 09:00 before work)
 * and a chair if they have one they prefer (null for any).
 */
public record Preference(LocalTime earliest, LocalTime latest, Long chairId) {

    public Preference {
        if (earliest == null || latest == null || latest.isBefore(earliest)) {
            throw new IllegalArgumentException("the preferred window must not end before it starts");
        }
    }
}
