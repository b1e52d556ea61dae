package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.util.List;

/**
 * A course against its authorization: units used (one per delivered session) and left, the projected last
 * session, planned sessions outside the window, and planned sessions beyond the authorized units.
 */
public record AuthorizationStanding(int unitsUsed, Integer unitsLeft, LocalDate projectedEnd,
        List<PlannedSession> outsideWindow, int beyondUnits) {

    public AuthorizationStanding {
        outsideWindow = List.copyOf(outsideWindow);
    }

    public boolean hasWarnings() {
        return !outsideWindow.isEmpty() || beyondUnits > 0;
    }

    /** Planned sessions (the rest of the plan) and the units already used, against an authorization. */
    public static AuthorizationStanding of(Authorization auth, int delivered, List<PlannedSession> remaining,
            LocalDate lastDelivered) {
        LocalDate end = remaining.isEmpty() ? lastDelivered : remaining.get(remaining.size() - 1).date();
        List<PlannedSession> outside = remaining.stream()
                .filter(p -> auth.first() != null && p.date().isBefore(auth.first())
                        || auth.last() != null && p.date().isAfter(auth.last()))
                .toList();
        Integer left = auth.units() == null ? null : Math.max(0, auth.units() - delivered);
        int beyond = auth.units() == null ? 0 : Math.max(0, delivered + remaining.size() - auth.units());
        return new AuthorizationStanding(delivered, left, end, outside, beyond);
    }
}
