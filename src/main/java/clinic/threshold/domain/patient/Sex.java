package clinic.threshold.domain.patient;

/** Sex assigned at birth, as recorded for clinical rules (dosing, pregnancy screening). */
public enum Sex {
    FEMALE, MALE, INTERSEX, UNKNOWN
}
