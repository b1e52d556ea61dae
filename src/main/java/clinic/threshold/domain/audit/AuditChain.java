package clinic.threshold.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain: row_hash = SHA-256(prev_hash || canonical fields). Canonical form writes every field
 * length-prefixed, so that no two different events serialise alike. Time is epoch milliseconds, which
 * survives a round trip through TIMESTAMP WITH TIME ZONE on H2 and PostgreSQL.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, long epochMillis, Long userId, String username,
                              String action, AuditCategory category, Long patientId, String entity,
                              String entityId, AuditOutcome outcome, String detail) {
        StringBuilder c = new StringBuilder(256);
        field(c, prevHash);
        field(c, Long.toString(seq));
        field(c, Long.toString(epochMillis));
        field(c, userId == null ? null : userId.toString());
        field(c, username);
        field(c, action);
        field(c, category.name());
        field(c, patientId == null ? null : patientId.toString());
        field(c, entity);
        field(c, entityId);
        field(c, outcome.name());
        field(c, detail);
        return sha256(c.toString());
    }

    public static String hashOf(AuditRecord r) {
        return hash(r.prevHash(), r.seq(), r.occurredAt().toEpochMilli(), r.userId(), r.username(), r.action(),
                r.category(), r.patientId(), r.entity(), r.entityId(), r.outcome(), r.detail());
    }

    private static void field(StringBuilder c, String value) {
        if (value == null) {
            c.append("-1:");
        } else {
            c.append(value.length()).append(':').append(value);
        }
        c.append('|');
    }

    private static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
