package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.PlannedSession;
import java.util.List;

/** What the auto-scheduler proposes: the bookings it placed, and each session it could not place with why. */
public record Placement(List<Booking> placed, List<Unplaced> unplaced) {

    public Placement {
        placed = List.copyOf(placed);
        unplaced = List.copyOf(unplaced);
    }

    /** A session left out, with the conflicts at the time it tried first. */
    public record Unplaced(PlannedSession session, List<Conflict> reasons) {
        public Unplaced {
            reasons = List.copyOf(reasons);
        }
    }
}
