package clinic.threshold.domain.history;

/** Formulary classes (domain.md 1.4). Augmenting agents are listed but are not a class for staging. */
public enum DrugClass {
    SSRI, SNRI, TCA, MAOI, NDRI, NASSA, SEROTONIN_MODULATOR, MULTIMODAL, TETRACYCLIC, AUGMENTING;

    /** Whether a failure in this class counts toward "distinct classes" (Thase-Rush, payer rules). */
    public boolean isAntidepressantClass() {
        return this != AUGMENTING;
    }
}
