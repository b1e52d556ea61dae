package clinic.threshold.domain.medication;

import java.time.Instant;
import java.time.LocalDate;

/** An open "re-determine the motor threshold" prompt raised by a dose change of {@code agent}. */
public record MtPrompt(long id, long orderId, String agent, String ruleCode, LocalDate effectiveOn,
                       Instant raisedAt, String raisedBy) {
}
