package clinic.threshold.domain.audit;

import java.time.LocalDate;

/** Which audit events an administrator wants to see; null fields do not filter. Dates are inclusive. */
public record AuditFilter(Long userId, Long patientId, String action, LocalDate from, LocalDate to) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
