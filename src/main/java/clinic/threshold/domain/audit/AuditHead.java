package clinic.threshold.domain.audit;

/** The newest event of the chain: its number and hash. Seq 0 with the genesis hash is an empty trail. */
public record AuditHead(long seq, String hash) {
    public static final AuditHead EMPTY = new AuditHead(0, AuditChain.GENESIS);
}
