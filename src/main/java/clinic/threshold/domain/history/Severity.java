package clinic.threshold.domain.history;

/** Severity of a depressive episode, rated at its start (the Maudsley Staging Method's categories). */
public enum Severity {
    SUBSYNDROMAL, MILD, MODERATE, SEVERE, SEVERE_PSYCHOTIC
}
