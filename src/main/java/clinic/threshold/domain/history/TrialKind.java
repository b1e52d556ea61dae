package clinic.threshold.domain.history;

/** What was tried: an antidepressant or augmenting medication, a psychotherapy, or a somatic treatment. */
public enum TrialKind {
    MEDICATION, PSYCHOTHERAPY, ECT, KETAMINE, ESKETAMINE, TMS
}
