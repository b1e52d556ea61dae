package clinic.threshold.domain.tms;

/** What a billing code stands for (domain.md 6.2); the code itself is reference data. */
public enum BillingRule {
    /** The first session of a course, with mapping and motor threshold: once per course. */
    INITIAL,
    /** A later session. */
    SUBSEQUENT,
    /** A later session at which the motor threshold was re-determined: needs a recorded reason. */
    MT_REDETERMINATION
}
