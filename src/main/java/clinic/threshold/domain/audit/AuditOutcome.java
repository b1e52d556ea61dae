package clinic.threshold.domain.audit;

/** SUCCESS: done; DENIED: refused for lack of permission; FAILED: attempted and failed (wrong password). */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
