package clinic.threshold.domain.history;

/** A medication's role in its episode: alone, combined with another antidepressant, or augmenting one. */
public enum TrialRole {
    MONOTHERAPY, COMBINATION, AUGMENTATION
}
