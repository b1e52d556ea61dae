package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * Something in a patient's TMS care that waits for a clinician: consecutive misses, a gap that needs a decision,
 * or a screening that needs a physician's clearance. {@code count} is the misses or the days of the gap.
 */
public record TmsAttention(long patientId, String patientName, Kind kind, long count, LocalDate since) {

    public enum Kind {
        MISSES, GAP_DECISION, CLEARANCE
    }
}
