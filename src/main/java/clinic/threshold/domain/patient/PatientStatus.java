package clinic.threshold.domain.patient;

/** Where a patient stands with the clinic. Voiding is separate: it hides an entry made in error. */
public enum PatientStatus {
    ACTIVE, ON_HOLD, DISCHARGED
}
