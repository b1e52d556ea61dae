package clinic.threshold.domain.outcome;

/** Who fills a scale in: the patient (self-report) or a clinician. */
public enum Rater {
    SELF, CLINICIAN
}
