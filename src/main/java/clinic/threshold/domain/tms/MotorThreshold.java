package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * One motor-threshold determination: % of machine output, method, coil, operator, why it was measured, and the
 * stimulator it was measured on ({@code deviceCode}; null for determinations recorded before devices were noted).
 */
public record MotorThreshold(long id, long patientId, Long courseId, LocalDate measuredOn, int outputPct, MtMethod method,
        String coil, String operator, String reason, String deviceCode) {
}
