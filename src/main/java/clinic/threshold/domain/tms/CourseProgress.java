package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a course stands today: its sessions on record, the rest of the plan (rolled forward past misses),
 * the counts a clinician looks at, and the flags that need someone: consecutive misses (recorded, or planned
 * days that passed without a record; since {@code missedSince}), a gap that needs a decision, the authorization.
 */
public record CourseProgress(Course course, List<SavedSession> sessions, List<PlannedSession> remaining, int delivered,
        LocalDate lastDelivered, int consecutiveMisses, boolean missAlert, LocalDate missedSince, long gapDays,
        boolean decisionNeeded, SessionPhase phase, long pulsesDelivered, AuthorizationStanding authorization) {

    public CourseProgress {
        sessions = List.copyOf(sessions);
        remaining = List.copyOf(remaining);
    }

    public PlannedSession next() {
        return remaining.isEmpty() ? null : remaining.get(0);
    }

    /** The last signed session before the next one, whose parameters pre-fill the next session's form. */
    public SavedSession previousDelivered() {
        for (int i = sessions.size() - 1; i >= 0; i--) {
            if (sessions.get(i).delivered()) {
                return sessions.get(i);
            }
        }
        return null;
    }
}
