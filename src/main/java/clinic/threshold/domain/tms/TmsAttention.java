package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * Something in a patient's TMS care that waits for someone: consecutive misses, a gap that needs a decision, a
 * screening that needs a physician's clearance (for clinicians), or an assessment of the course that is overdue
 * (for whoever records scales). {@code count} is the misses, the days of the gap or the days overdue; {@code
 * detail} names the scale for an assessment.
 */
public record TmsAttention(long patientId, String patientName, Kind kind, long count, LocalDate since, String detail) {

    public enum Kind {
        MISSES, GAP_DECISION, CLEARANCE, ASSESSMENT_OVERDUE
    }
}
