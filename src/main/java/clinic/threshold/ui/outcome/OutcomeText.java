package clinic.threshold.ui.outcome;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words for what the outcome service refused, each with its field (an item by its number). */
final class OutcomeText {
    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]");

    private OutcomeText() {
    }

    static String describe(Violation v) {
        Matcher m = ITEM.matcher(v.field());
        String label = m.matches() ? Messages.get("outcome.field.item", Integer.parseInt(m.group(1)) + 1)
                : Messages.bundle().containsKey("outcome.field." + v.field()) ? Messages.get("outcome.field." + v.field())
                : v.field();
        return Messages.get("violation.format", label, Messages.violationMessage(v));
    }
}
