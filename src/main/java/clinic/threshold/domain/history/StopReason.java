package clinic.threshold.domain.history;

/** Why a trial was stopped (domain.md 7.1). */
public enum StopReason {
    INEFFECTIVE, ADVERSE_EFFECTS, NON_ADHERENCE, PATIENT_PREFERENCE, COST, SWITCH_PLANNED, REMISSION_TAPER, OTHER
}
