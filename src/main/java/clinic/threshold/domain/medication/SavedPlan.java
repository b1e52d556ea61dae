package clinic.threshold.domain.medication;

/** A stored plan for one order; plans sharing a {@code switchId} are the two halves of a cross-taper. */
public record SavedPlan(long id, long orderId, Long switchId, int version, MedicationPlan plan, String createdBy) {
}
