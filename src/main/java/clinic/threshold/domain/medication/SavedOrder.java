package clinic.threshold.domain.medication;

import java.util.List;

/**
 * A stored order: its id and version (for optimistic locking), the order, its doses with who recorded them,
 * the treatment-history trial it is linked to, and the documented override of a hard stop, if any.
 */
public record SavedOrder(long id, int version, MedicationOrder order, List<RecordedDose> recorded, Long trialId,
                         String overrideReason, String overrideBy) {
    public SavedOrder {
        recorded = List.copyOf(recorded);
    }
}
