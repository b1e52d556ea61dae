package clinic.threshold.domain.tms;

/** What a "yes" to a screening item means (domain.md 5.2): blocks a course, needs a physician, or informs. */
public enum ScreeningSeverity {
    ABSOLUTE, PHYSICIAN_REVIEW, INFO
}
