package clinic.threshold.domain.history;

/** Maudsley Staging Method bands (mild 3-6, moderate 7-10, severe 11-15 by default). */
public enum MaudsleyBand {
    MILD, MODERATE, SEVERE
}
