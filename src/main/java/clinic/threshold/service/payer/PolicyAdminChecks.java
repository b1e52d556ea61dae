package clinic.threshold.service.payer;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.PayerPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator's policy must also meet to be stored, beyond {@link PolicyChecks}: a code that fits the
 * table and reads well in lists and audit rows, a known confidence tag, and a document that fits its column.
 */
final class PolicyAdminChecks {
    /** payer_policy.code is VARCHAR(40); the seed's codes look like AETNA_CPB_0469. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,39}");
    /** payer_policy.body is VARCHAR(16000). */
    static final int MAX_BODY = 16000;
    private static final Set<String> CONFIDENCE = Set.of("C", "S", "U", "D");

    private PolicyAdminChecks() {
    }

    /** Every problem with {@code p}: the shared policy checks and the storage limits. */
    static List<Violation> check(PayerPolicy p) {
        List<Violation> out = new ArrayList<>(PolicyChecks.check(p));
        out.addAll(limits(p));
        return out;
    }

    /** The storage limits alone (a file read by {@link PolicyJson} has had the shared checks already). */
    static List<Violation> limits(PayerPolicy p) {
        List<Violation> out = new ArrayList<>();
        if (p.code() == null || p.code().isBlank()) {
            return out; // PolicyChecks names a missing code
        }
        if (!CODE.matcher(p.code()).matches()) {
            out.add(Violation.of("code", "payer.error.codeFormat", p.code()));
        }
        if (p.confidence() == null || !CONFIDENCE.contains(p.confidence())) {
            out.add(Violation.of("confidence", "payer.error.confidence", p.code()));
        }
        int length = PolicyJsonWriter.body(p, Integer.MAX_VALUE).length();
        if (length > MAX_BODY) {
            out.add(Violation.of("source", "payer.error.tooLong", p.code(), length, MAX_BODY));
        }
        return out;
    }
}
