package clinic.threshold.domain.medication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** From {@code from} on the patient takes {@code dose} (in the order's unit) at {@code frequency}. */
public record DoseChange(LocalDate from, BigDecimal dose, Frequency frequency) {

    /** The daily amount in mg, or null when the unit does not convert (mL). */
    public BigDecimal mgPerDay(DoseUnit unit) {
        BigDecimal single = mgPerDose(unit);
        if (single == null) {
            return null;
        }
        BigDecimal daily = single.multiply(frequency.perDay()).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        // 150, not 1.5E+2: the number is shown and stored as typed.
        return daily.scale() < 0 ? daily.setScale(0) : daily;
    }

    /** One dose in mg, or null when the unit does not convert. */
    public BigDecimal mgPerDose(DoseUnit unit) {
        return unit.mgFactor() == null ? null : dose.multiply(unit.mgFactor());
    }
}
