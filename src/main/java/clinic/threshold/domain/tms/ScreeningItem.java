package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.Confidence;

/** One question of a screening form version, with what a "yes" means and where the wording comes from. */
public record ScreeningItem(int number, String text, ScreeningSeverity severity, Confidence confidence, String source) {
}
