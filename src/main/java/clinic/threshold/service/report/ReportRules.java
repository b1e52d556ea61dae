package clinic.threshold.service.report;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.domain.history.RuleSetting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The numbers and code lists the report formulas use, as in force on a day (outcome_rule report.*, editable reference
 * data with a source each); a missing rule is a set-up error, not a silent default.
 */
final class ReportRules {
    private final Map<String, String> values;

    private ReportRules(Map<String, String> values) {
        this.values = values;
    }

    static ReportRules on(DSLContext dsl, LocalDate day) {
        return new ReportRules(RuleSetting.inForce(new OutcomeRepository(dsl).rules(), day).stream()
                .collect(Collectors.toMap(RuleSetting::key, RuleSetting::value)));
    }

    String text(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("report rule " + key + " is missing");
        }
        return v.strip();
    }

    int whole(String key) {
        return Integer.parseInt(text(key));
    }

    BigDecimal decimal(String key) {
        return new BigDecimal(text(key));
    }

    /** A comma-separated list ("F32, F33"). */
    List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
