package clinic.threshold.domain.tms;

/** Why a motor threshold must be measured before (or at) the next session (domain.md 4.3, 4.5). */
public enum MtDueReason {
    NONE_RECORDED, NEW_COURSE, WEEKLY, GAP, MEDICATION, COIL_CHANGE, DEVICE_CHANGE
}
