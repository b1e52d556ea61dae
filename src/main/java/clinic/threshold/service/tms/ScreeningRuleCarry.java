package clinic.threshold.service.tms;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleChecks.ScreeningItemRef;
import clinic.threshold.domain.tms.ScreeningItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payer exclusion rules a new screening form version takes over from the version before. Rules name a form
 * version and item ("1/6"), so without this a screening on the new version would match none of them and the chart
 * would quietly show no exclusion. A kept item (same number) keeps its rules; an item a rule in force reads cannot
 * be retired, since that would drop the exclusion without anyone deciding it.
 */
final class ScreeningRuleCarry {
    private ScreeningRuleCarry() {
    }

    /** The rules to add for {@code version}; refuses (nothing saved) when {@code items} retires an item a rule reads. */
    static List<ExclusionRule> carried(List<ExclusionRule> active, int previous, int version, List<ScreeningItem> items) {
        List<ExclusionRule> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (ExclusionRule rule : active) {
            Optional<ScreeningItemRef> ref = rule.evidence() == ExclusionRule.Evidence.SCREENING
                    ? ScreeningItemRef.parse(rule.match()) : Optional.empty();
            if (ref.isEmpty() || ref.get().form() != previous) {
                continue;
            }
            int item = ref.get().item();
            if (items.stream().anyMatch(i -> i.number() == item)) {
                out.add(new ExclusionRule(rule.exclusion(), rule.evidence(), version + "/" + item, rule.confidence(),
                        rule.source()));
            } else {
                problems.add(Violation.of("item" + item, "reference.error.itemHasExclusionRule", item,
                        rule.exclusion().name()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
    }
}
