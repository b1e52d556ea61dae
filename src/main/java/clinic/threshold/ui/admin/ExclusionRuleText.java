package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import clinic.threshold.i18n.Messages;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.util.StringConverter;

/** The words for exclusion rules: the condition, the kind of chart record, and how to write a match for each kind. */
final class ExclusionRuleText {
    private ExclusionRuleText() {
    }

    static String condition(Exclusion e) {
        return e == null ? "" : Messages.get("payer.exclusion." + e.name());
    }

    static String evidence(Evidence e) {
        return e == null ? "" : Messages.get("payer.exclusionRule.evidence." + e.name());
    }

    /** How to write the match for {@code e} (the severities listed by name, as they are stored). */
    static String hint(Evidence e) {
        if (e == null) {
            return Messages.get("payer.exclusionRule.hint.none");
        }
        return e == Evidence.EPISODE ? Messages.get("payer.exclusionRule.hint.EPISODE", Arrays.stream(Severity.values())
                .map(Severity::name).collect(Collectors.joining(", "))) : Messages.get("payer.exclusionRule.hint." + e.name());
    }

    /** The three values a confirmation or a message names: condition, kind of record, match. */
    static Object[] args(ExclusionRule r) {
        return new Object[] {condition(r.exclusion()), evidence(r.evidence()), r.match()};
    }

    /** Shows a choice box's values in words. */
    static <T> StringConverter<T> converter(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : words.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
