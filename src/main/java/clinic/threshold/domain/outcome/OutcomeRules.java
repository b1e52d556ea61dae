package clinic.threshold.domain.outcome;

/**
 * Response thresholds (domain.md 3): response is at least {@code responsePct}% reduction from baseline on
 * the same instrument [C], partial response at least {@code partialPct}% [D].
 */
public record OutcomeRules(int responsePct, int partialPct) {
    public OutcomeRules {
        if (partialPct <= 0 || responsePct <= partialPct || responsePct > 100) {
            throw new IllegalArgumentException("response must be above partial response, both between 1 and 100");
        }
    }
}
