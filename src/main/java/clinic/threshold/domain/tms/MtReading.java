package clinic.threshold.domain.tms;

/** A motor threshold measured at a session: % of machine output, method, and why it was measured. */
public record MtReading(int outputPct, MtMethod method, String reason) {
}
