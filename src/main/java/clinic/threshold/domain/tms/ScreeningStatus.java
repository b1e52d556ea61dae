package clinic.threshold.domain.tms;

/** Where a screening leaves a patient: blocked, waiting for a physician's clearance, cleared, or clear. */
public enum ScreeningStatus {
    BLOCKED, NEEDS_CLEARANCE, CLEARED, PASSED;

    public boolean allowsCourse() {
        return this == CLEARED || this == PASSED;
    }
}
