package clinic.threshold.domain.history;

/** A stored trial: its database id and version, and the trial (whose ids are the stored ids as text). */
public record SavedTrial(long id, int version, TreatmentTrial trial) {
}
