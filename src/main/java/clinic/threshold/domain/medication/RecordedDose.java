package clinic.threshold.domain.medication;

import java.time.Instant;

/** A dose change as stored: who recorded it and when, and the plan step it applied (null when none). */
public record RecordedDose(DoseChange change, Instant recordedAt, String recordedBy, Long planId, Integer stepNo) {
}
