package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** One motor-threshold determination: % of machine output, method, coil, operator, and why it was measured. */
public record MotorThreshold(long id, long patientId, Long courseId, LocalDate measuredOn, int outputPct, MtMethod method,
        String coil, String operator, String reason) {
}
