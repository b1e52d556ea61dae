package clinic.threshold.domain.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/** From {@code from} on (until the next step or the trial's end) the patient took {@code mgPerDay}. */
public record DoseStep(LocalDate from, BigDecimal mgPerDay) {
}
