package clinic.threshold.domain.tms;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import java.util.List;

/**
 * Picks a session's billing code (domain.md 6.2): the initial code for the first delivered session of a course
 * (never twice in one course), the re-determination code for a later session at which the motor threshold was
 * measured again (only with a recorded reason), the subsequent code otherwise.
 */
public final class BillingCoder {
    private final List<BillingCode> codes;

    public BillingCoder(List<BillingCode> codes) {
        this.codes = List.copyOf(codes);
    }

    /**
     * @param initialAlreadyBilled whether a signed session of this course already carries the initial code
     * @param mtRedetermined whether the motor threshold was measured at this session
     * @param mtReason why it was re-measured (required for the re-determination code)
     */
    public BillingCode codeFor(boolean initialAlreadyBilled, boolean mtRedetermined, String mtReason) {
        if (!initialAlreadyBilled) {
            return code(BillingRule.INITIAL);
        }
        if (mtRedetermined) {
            if (mtReason == null || mtReason.isBlank()) {
                throw new ValidationException(Violation.of("mtReason", "tms.error.mtReasonRequired"));
            }
            return code(BillingRule.MT_REDETERMINATION);
        }
        return code(BillingRule.SUBSEQUENT);
    }

    public BillingCode code(BillingRule rule) {
        return codes.stream().filter(c -> c.rule() == rule).findFirst()
                .orElseThrow(() -> new IllegalStateException("no billing code for " + rule));
    }
}
