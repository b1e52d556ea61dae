package clinic.threshold.domain.schedule;

import java.util.List;

/** The answer to "can this booking stand?": the conflicts, and the nearest free alternatives when it cannot. */
public record BookingCheck(List<Conflict> conflicts, List<Booking> alternatives) {

    public BookingCheck {
        conflicts = List.copyOf(conflicts);
        alternatives = List.copyOf(alternatives);
    }

    public boolean ok() {
        return conflicts.isEmpty();
    }
}
