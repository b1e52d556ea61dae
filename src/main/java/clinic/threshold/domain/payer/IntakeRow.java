package clinic.threshold.domain.payer;

/**
 * A patient in intake as the coordinator's list shows them: their payer, the readiness against its policy (null when
 * the patient has no payer or the payer no policy), and their newest request, if any.
 */
public record IntakeRow(long patientId, String name, String mrn, String payer, Readiness readiness, PriorAuthorization latestRequest) {

    /** The criteria still unmet or missing, for the list's "still needs" column. */
    public java.util.List<Readiness.Criterion> stillNeeds() {
        return readiness == null ? java.util.List.of()
                : readiness.criteria().stream().filter(c -> c.status() != Readiness.Status.MET).toList();
    }
}
