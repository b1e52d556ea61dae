package clinic.threshold.domain.history;

/** How reliably the patient took the medication, as the clinician judged it. */
public enum Adherence {
    GOOD, PARTIAL, POOR, UNKNOWN
}
