package clinic.threshold.domain.outcome;

/** How a scale's items make its total. */
public enum Scoring {
    /** The sum of the items. */
    SUM,
    /**
     * QIDS-SR16: nine domains (domain.md 3): sleep is the highest of items 1-4, appetite/weight the highest
     * of 6-9, psychomotor the highest of 15-16, plus items 5 and 10-14.
     */
    QIDS_DOMAINS
}
