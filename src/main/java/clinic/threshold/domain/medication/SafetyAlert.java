package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.Confidence;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One rule that fires for a medication change: the rule's own message, source and confidence, the drugs
 * it is about, and the days concerned ({@code from}..{@code to}: the overlap of two drugs, the too-short
 * washout, or the day a dose goes above a limit; {@code to} null while open-ended). {@code actual} is the
 * number found (days of washout, mg) against the rule's {@code limit}.
 */
public record SafetyAlert(String ruleCode, RuleKind kind, AlertLevel level, String message, String source,
                          Confidence confidence, String drug, String otherDrug, LocalDate from, LocalDate to,
                          BigDecimal limit, BigDecimal actual) {

    public boolean hardStop() {
        return level == AlertLevel.HARD_STOP;
    }
}
