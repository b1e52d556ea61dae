package clinic.threshold.domain.schedule;

import java.util.Set;

/**
 * A TMS technician: working hours, the chairs and protocols trained on, and how many chairs at once (1 is the
 * safe default; domain.md 8.1 found no published standard).
 */
public record Technician(long id, String username, String name, WeeklyHours hours, Set<Long> chairs, Set<String> protocols,
        int maxConcurrentChairs, boolean active) {

    public Technician {
        chairs = Set.copyOf(chairs);
        protocols = Set.copyOf(protocols);
    }
}
