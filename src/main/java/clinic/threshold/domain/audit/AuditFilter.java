package clinic.threshold.domain.audit;

import java.time.LocalDate;

/**
 * Which audit events an administrator wants to see; null fields do not filter. The user name is matched
 * as recorded (failed sign-ins record the name typed). Dates are inclusive, in the clinic's time zone.
 */
public record AuditFilter(String username, Long patientId, String action, LocalDate from, LocalDate to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
