package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.Confidence;
import java.time.Instant;

/**
 * An exclusion rule as administrators see it: in force or retired (retired rules are kept, never deleted), and who
 * last recorded it when (added, re-added or retired).
 */
public record ExclusionRuleRow(ExclusionRule rule, boolean active, Instant recordedAt, String recordedBy) {

    /** Unconfirmed and design mappings: the clinic should review them before relying on what they find. */
    public boolean needsReview() {
        return rule.confidence() == Confidence.UNCONFIRMED || rule.confidence() == Confidence.DESIGN;
    }
}
