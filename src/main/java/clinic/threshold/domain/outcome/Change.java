package clinic.threshold.domain.outcome;

/** How a total compares with the baseline's: the kind of change, and remission on its own (a different test). */
public enum Change {
    RESPONSE, PARTIAL_RESPONSE, NO_RESPONSE, NOT_ASSESSABLE
}
