package clinic.threshold.domain.tms;

/** A session given, missed by the patient, or cancelled by the clinic. */
public enum SessionStatus {
    DELIVERED, MISSED, CANCELLED
}
