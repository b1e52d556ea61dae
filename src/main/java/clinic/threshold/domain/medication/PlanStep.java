package clinic.threshold.domain.medication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * From the plan's start plus {@code dayOffset} days the dose is {@code dose} (0: stop taking it), if
 * {@code condition} holds ("if tolerated"). Applied steps carry who applied them and when.
 */
public record PlanStep(int dayOffset, BigDecimal dose, Frequency frequency, String condition, String note,
                       Instant appliedAt, String appliedBy) {

    public LocalDate date(LocalDate planStart) {
        return planStart.plusDays(dayOffset);
    }

    public boolean stops() {
        return dose.signum() == 0;
    }

    public boolean applied() {
        return appliedAt != null;
    }
}
