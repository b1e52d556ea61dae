package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.StopReason;
import clinic.threshold.domain.history.TrialOutcome;

/**
 * Why an order stopped (domain.md 7.1): the clinic codes TRD counting needs, then the FHIR
 * medicationrequest-status-reason codes. Each maps to what a derived trial records: only INEFFECTIVE is a
 * failed trial, ADVERSE_EFFECT is an intolerance, NON_ADHERENCE makes adherence poor.
 */
public enum OrderStopReason {
    INEFFECTIVE(TrialOutcome.NO_RESPONSE, StopReason.INEFFECTIVE),
    PARTIAL_RESPONSE(TrialOutcome.PARTIAL_RESPONSE, StopReason.INEFFECTIVE),
    ADVERSE_EFFECT(TrialOutcome.INTOLERANCE, StopReason.ADVERSE_EFFECTS),
    NON_ADHERENCE(TrialOutcome.UNKNOWN, StopReason.NON_ADHERENCE),
    PATIENT_PREFERENCE(TrialOutcome.UNKNOWN, StopReason.PATIENT_PREFERENCE),
    COST_COVERAGE(TrialOutcome.UNKNOWN, StopReason.COST),
    SWITCH_PLANNED(TrialOutcome.UNKNOWN, StopReason.SWITCH_PLANNED),
    REMISSION_TAPER(TrialOutcome.REMISSION, StopReason.REMISSION_TAPER),
    ALTCHOICE(TrialOutcome.UNKNOWN, StopReason.OTHER),
    CLARIF(TrialOutcome.UNKNOWN, StopReason.OTHER),
    DRUGHIGH(TrialOutcome.UNKNOWN, StopReason.OTHER),
    HOSPADM(TrialOutcome.UNKNOWN, StopReason.OTHER),
    LABINT(TrialOutcome.UNKNOWN, StopReason.OTHER),
    NON_AVAIL(TrialOutcome.UNKNOWN, StopReason.OTHER),
    PREG(TrialOutcome.UNKNOWN, StopReason.OTHER),
    SALG(TrialOutcome.INTOLERANCE, StopReason.ADVERSE_EFFECTS),
    SDDI(TrialOutcome.UNKNOWN, StopReason.OTHER),
    SDUPTHER(TrialOutcome.UNKNOWN, StopReason.OTHER),
    SINTOL(TrialOutcome.INTOLERANCE, StopReason.ADVERSE_EFFECTS),
    SURG(TrialOutcome.UNKNOWN, StopReason.OTHER),
    WASHOUT(TrialOutcome.UNKNOWN, StopReason.OTHER),
    OTHER(TrialOutcome.UNKNOWN, StopReason.OTHER);

    private final TrialOutcome outcome;
    private final StopReason trialStopReason;

    OrderStopReason(TrialOutcome outcome, StopReason trialStopReason) {
        this.outcome = outcome;
        this.trialStopReason = trialStopReason;
    }

    public TrialOutcome outcome() {
        return outcome;
    }

    public StopReason trialStopReason() {
        return trialStopReason;
    }

    /** Adherence a derived trial records: poor when stopped for non-adherence, else not known from the order. */
    public Adherence adherence() {
        return this == NON_ADHERENCE ? Adherence.POOR : Adherence.UNKNOWN;
    }

    /** Reasons that name an adverse effect: the order must say which. */
    public boolean namesAnEffect() {
        return this == ADVERSE_EFFECT || this == SINTOL || this == SALG;
    }
}
