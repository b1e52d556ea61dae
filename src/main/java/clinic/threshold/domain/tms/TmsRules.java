package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.RuleSetting;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The TMS limits in force (reference/tms-rules.tsv, editable): how often the motor threshold is re-measured,
 * the gap after which it must be, the misses that alert a clinician, the gap that needs a clinician's
 * decision, the extension step, and the prior improvement a retreatment needs.
 */
public record TmsRules(int mtEveryDays, int mtAfterGapDays, int consecutiveMissAlert, int decisionGapDays,
        int extensionStep, int retreatmentMinImprovementPct, int screeningMaxAgeDays, int mtExtraSlotMinutes) {

    public static TmsRules from(List<RuleSetting> inForce) {
        Map<String, String> v = inForce.stream().collect(Collectors.toMap(RuleSetting::key, RuleSetting::value));
        return new TmsRules(number(v, "mt.everyDays"), number(v, "mt.afterGapDays"), number(v, "miss.consecutiveAlert"),
                number(v, "miss.decisionGapDays"), number(v, "extension.step"), number(v, "retreatment.minImprovementPct"),
                number(v, "screening.maxAgeDays"), number(v, "mt.extraSlotMinutes"));
    }

    private static int number(Map<String, String> v, String key) {
        String value = v.get(key);
        if (value == null) {
            throw new IllegalStateException("TMS rule missing: " + key);
        }
        return Integer.parseInt(value.strip());
    }
}
