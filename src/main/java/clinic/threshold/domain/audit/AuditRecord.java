package clinic.threshold.domain.audit;

import java.time.Instant;

/** One stored audit event with its place in the chain. */
public record AuditRecord(long seq, Instant occurredAt, Long userId, String username, String action,
                          AuditCategory category, Long patientId, String entity, String entityId,
                          AuditOutcome outcome, String detail, String prevHash, String rowHash) {
}
