package clinic.threshold.domain.history;

/** How a trial ended clinically. */
public enum TrialOutcome {
    REMISSION, RESPONSE, PARTIAL_RESPONSE, NO_RESPONSE, INTOLERANCE, UNKNOWN;

    /** No-response and partial response are the outcomes that make an adequate trial a failure. */
    public boolean isNonResponse() {
        return this == NO_RESPONSE || this == PARTIAL_RESPONSE;
    }
}
