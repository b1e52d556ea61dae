package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.RuleSetting;
import java.util.List;

/**
 * When an approved authorization starts warning (tms_rule rows auth.*, design defaults marked [U]): so many days
 * before its window ends, and when so many units are left.
 */
public record AuthorizationRules(int alertDaysBeforeEnd, int alertUnitsLeft) {

    public static AuthorizationRules from(List<RuleSetting> inForce) {
        return new AuthorizationRules(value(inForce, "auth.alertDaysBeforeEnd"), value(inForce, "auth.alertUnitsLeft"));
    }

    private static int value(List<RuleSetting> rules, String key) {
        return rules.stream().filter(r -> r.key().equals(key)).findFirst().map(r -> Integer.parseInt(r.value().strip()))
                .orElseThrow(() -> new IllegalStateException("rule " + key + " is missing from the reference data"));
    }
}
