package clinic.threshold.domain.tms;

/** A clinician's answer to a long gap in a course (domain.md 4.5). */
public enum GapDecision {
    CONTINUE, REDETERMINE_MT, RESTART
}
