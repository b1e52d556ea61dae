package clinic.threshold.domain.audit;

/** The outcome of walking the audit chain; {@code firstBadSeq} and {@code problem} are null when intact. */
public record AuditCheck(boolean intact, long eventsChecked, Long firstBadSeq, String problem) {
    public static AuditCheck ok(long n) {
        return new AuditCheck(true, n, null, null);
    }

    public static AuditCheck broken(long n, long seq, String problem) {
        return new AuditCheck(false, n, seq, problem);
    }
}
