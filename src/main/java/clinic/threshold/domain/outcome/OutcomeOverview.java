package clinic.threshold.domain.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A patient's outcomes as of a day: every instrument with entries, its series against the baseline, the
 * open suicide-risk alerts, the scale definitions (for the entry form), and the TMS courses with each
 * instrument measured from the course baseline; {@code itemsLicensed}: the clinic holds the licences of licensed
 * instruments, so their items may be entered; {@code rules}: the response thresholds in force (for the words shown).
 */
public record OutcomeOverview(LocalDate asOf, List<InstrumentSeries> series, List<RiskAlert> openAlerts,
                              List<ScaleDefinition> scales, LocalDate baselineFrom, List<CourseWindow> courses,
                              List<CourseOutcome> courseOutcomes, boolean itemsLicensed,
                              OutcomeRules rules) {
    public OutcomeOverview {
        courses = List.copyOf(courses);
        courseOutcomes = List.copyOf(courseOutcomes);
        series = List.copyOf(series);
        openAlerts = List.copyOf(openAlerts);
        scales = List.copyOf(scales);
    }
}
