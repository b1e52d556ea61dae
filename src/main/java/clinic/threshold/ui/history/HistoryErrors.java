package clinic.threshold.ui.history;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ViolationText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words for what the history service refused: each problem with the label of the dialog field it is about. */
final class HistoryErrors {
    private static final Pattern DOSE = Pattern.compile("doses\\[(\\d+)]\\.(\\w+)");

    private HistoryErrors() {
    }

    static String of(Throwable t) {
        return ViolationText.of(t, HistoryErrors::label);
    }

    static String describe(Violation v) {
        return ViolationText.describe(v, HistoryErrors::label);
    }

    static String label(String field) {
        Matcher m = DOSE.matcher(field);
        if (m.matches()) {
            return Messages.get("history.field.doseStep", Integer.parseInt(m.group(1)) + 1);
        }
        return ViolationText.label("history.field.", field);
    }
}
