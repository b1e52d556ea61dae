package clinic.threshold.domain.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's outcomes as of a day: every instrument with entries, its series against the baseline, the
 * open suicide-risk alerts, and the scale definitions (for the entry form).
 */
public record OutcomeOverview(LocalDate asOf, List<InstrumentSeries> series, List<RiskAlert> openAlerts,
                              List<ScaleDefinition> scales, LocalDate baselineFrom) {
    public OutcomeOverview {
        series = List.copyOf(series);
        openAlerts = List.copyOf(openAlerts);
        scales = List.copyOf(scales);
    }
}
