package clinic.threshold.domain.tms;

import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.MedicationOrder;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Whether a seizure-threshold-lowering order changed since a screening in a way that asks for a new one: it was
 * started after the screening, or taken since at a higher daily amount than on the screening day (a higher dose
 * lowers the threshold further). Lowering a dose, going back to the screened dose, or a change still in the
 * future asks for nothing.
 */
public final class SeizureRiskChanges {
    private SeizureRiskChanges() {
    }

    public static boolean asksForRescreen(MedicationOrder order, LocalDate screenedOn, LocalDate asOf) {
        if (order.start() != null && order.start().isAfter(screenedOn)) {
            return true;
        }
        DoseChange screened = order.start() == null ? null : order.doseOn(screenedOn);
        if (screened == null) {
            return false;
        }
        BigDecimal before = daily(screened);
        return order.doses().stream().filter(d -> d.from().isAfter(screenedOn) && !d.from().isAfter(asOf))
                .anyMatch(d -> daily(d).compareTo(before) > 0);
    }

    /** The daily amount in the order's own unit: all doses of one order share it, so they compare directly. */
    private static BigDecimal daily(DoseChange d) {
        return d.dose().multiply(d.frequency().perDay());
    }
}
