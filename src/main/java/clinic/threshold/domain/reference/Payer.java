package clinic.threshold.domain.reference;

/** An insurer or programme a patient's care is billed to. */
public record Payer(int id, String code, String name, String kind) {
}
