package clinic.threshold.domain.medication;

import java.util.List;

/** A saved order, the alerts it raised (warnings and notices, or overridden hard stops), and the trial it proposes. */
public record OrderResult(SavedOrder order, List<SafetyAlert> alerts, TrialProposal proposal) {
    public OrderResult {
        alerts = List.copyOf(alerts);
    }
}
