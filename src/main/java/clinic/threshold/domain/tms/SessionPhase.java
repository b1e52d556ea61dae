package clinic.threshold.domain.tms;

/** Where a planned session sits in its course: daily acute treatment, added sessions, or the taper. */
public enum SessionPhase {
    ACUTE, EXTENSION, TAPER
}
