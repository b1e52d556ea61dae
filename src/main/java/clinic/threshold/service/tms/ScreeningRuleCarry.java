package clinic.threshold.service.tms;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleChecks.ScreeningItemRef;
import clinic.threshold.domain.tms.ScreeningItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a new screening form version takes over from the version before. The items the pre-session check relies on
 * (new metal or an implant, a possible pregnancy: a re-screen answers them only while the form asks) keep their
 * mark and cannot be retired. The payer exclusion rules name a form version and item ("1/6"), so without this a
 * screening on the new version would match none of them and the chart would quietly show no exclusion: a kept item
 * (same number) keeps its rules, and an item a rule in force reads cannot be retired, since that would drop the
 * exclusion without anyone deciding it.
 */
final class ScreeningRuleCarry {
    private ScreeningRuleCarry() {
    }

    /** The re-screen topics of the kept items; refuses (nothing saved) when {@code items} retires one of them. */
    static Map<Integer, String> topics(Map<Integer, String> previous, List<ScreeningItem> items) {
        List<Violation> problems = new ArrayList<>();
        Map<Integer, String> out = new TreeMap<>();
        previous.forEach((item, topic) -> {
            if (items.stream().anyMatch(i -> i.number() == item)) {
                out.put(item, topic);
            } else {
                problems.add(Violation.of("item" + item, "reference.error.itemRescreenTopic", item));
            }
        });
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return out;
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
