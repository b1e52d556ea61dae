package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.Confidence;

/**
 * A chart record that shows an excluded condition: a diagnosis code (or its prefix), the current episode's severity, a
 * "yes" to a screening item ("form/item"), or an open suicide-risk alert. Reference data with its source.
 */
public record ExclusionRule(Exclusion exclusion, Evidence evidence, String match, Confidence confidence, String source) {

    public enum Evidence {
        DIAGNOSIS, EPISODE, SCREENING, RISK_ALERT
    }
}
