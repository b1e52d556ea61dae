package clinic.threshold.domain.audit;

/**
 * What a use case reports to the audit trail; the log adds the time, the user and the chain hashes.
 * {@code detail} says what changed (field names and values, never passwords).
 */
public record AuditEntry(String action, AuditCategory category, Long patientId, String entity, String entityId,
                         AuditOutcome outcome, String detail) {

    public static AuditEntry patient(String action, long patientId, String detail) {
        return new AuditEntry(action, AuditCategory.PATIENT, patientId, "patient", Long.toString(patientId),
                AuditOutcome.SUCCESS, detail);
    }

    public static AuditEntry security(String action, AuditOutcome outcome, String entity, String entityId,
                                      String detail) {
        return new AuditEntry(action, AuditCategory.SECURITY, null, entity, entityId, outcome, detail);
    }

    public AuditEntry withOutcome(AuditOutcome o, String newDetail) {
        return new AuditEntry(action, category, patientId, entity, entityId, o, newDetail);
    }
}
