package clinic.threshold.domain.history;

/** Electrode placement of an ECT course. */
public enum Laterality {
    BILATERAL, UNILATERAL
}
