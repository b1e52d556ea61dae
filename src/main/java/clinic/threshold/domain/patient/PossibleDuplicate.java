package clinic.threshold.domain.patient;

/** An existing patient who may be the same person as the one being entered, and why we think so. */
public record PossibleDuplicate(PatientSummary existing, Reason reason) {

    public enum Reason {
        SAME_FAMILY_NAME_AND_BIRTH_DATE, SAME_PHONE
    }
}
