package clinic.threshold.domain.schedule;

/**
 * What booking or re-flowing a course would do, shown before it is applied: bookings kept (renumbered if the plan
 * slid), moved, newly placed and cancelled, and the sessions that could not be placed with the reasons.
 */
public record CourseBookingPlan(long courseId, long patientId, String patientName, String protocolName,
        Preference preference, Reflow.Result result) {
}
