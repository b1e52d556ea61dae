package clinic.threshold.domain.outcome;

import java.util.List;

/**
 * One instrument's totals for a patient, oldest first, with the baseline they are measured against, how the
 * latest compares with it, and when response and remission were first reached (null when not yet).
 */
public record InstrumentSeries(ScaleDefinition scale, List<SavedEntry> entries, SavedEntry baseline,
                               OutcomeClassifier.Result latest, OutcomeClassifier.Point firstResponse,
                               OutcomeClassifier.Point firstRemission) {
    public InstrumentSeries {
        entries = List.copyOf(entries);
    }
}
