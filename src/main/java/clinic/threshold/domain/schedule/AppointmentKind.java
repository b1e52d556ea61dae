package clinic.threshold.domain.schedule;

/** What an appointment is for: a TMS session books a chair and a technician; the others a clinician and a room. */
public enum AppointmentKind {
    TMS, CONSULT, FOLLOW_UP, MT_ONLY;

    public boolean usesChair() {
        return this == TMS;
    }
}
