package clinic.threshold.domain.audit;

/** Broad kinds of audited activity, for filtering the trail. */
public enum AuditCategory {
    PATIENT, SECURITY, ADMIN, EXPORT
}
