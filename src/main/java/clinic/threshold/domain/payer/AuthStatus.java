package clinic.threshold.domain.payer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a prior-authorization request stands (domain.md 8.4's pipeline: draft, submitted, pending information,
 * approved or denied, appeal; expired once an approval's window has passed).
 */
public enum AuthStatus {
    DRAFT, SUBMITTED, PENDING_INFO, APPROVED, DENIED, APPEAL, EXPIRED;

    /** The moves a request can make; anything else is refused with the allowed list. */
    public Set<AuthStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(PENDING_INFO, APPROVED, DENIED);
            case PENDING_INFO -> EnumSet.of(SUBMITTED, APPROVED, DENIED);
            case DENIED -> EnumSet.of(APPEAL);
            case APPEAL -> EnumSet.of(PENDING_INFO, APPROVED, DENIED);
            case APPROVED -> EnumSet.of(EXPIRED);
            case EXPIRED -> EnumSet.noneOf(AuthStatus.class);
        };
    }

    /** Waiting on the clinic or the payer: what the front desk chases. */
    public boolean open() {
        return this == DRAFT || this == SUBMITTED || this == PENDING_INFO || this == APPEAL;
    }

    /** A decision by the payer ends the wait that days-to-decision measures. */
    public boolean decision() {
        return this == APPROVED || this == DENIED;
    }
}
