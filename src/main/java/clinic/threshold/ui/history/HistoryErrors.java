package clinic.threshold.ui.history;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ErrorText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words for what the history service refused: each problem with the label of the dialog field it is about. */
final class HistoryErrors {
    private static final Pattern DOSE = Pattern.compile("doses\\[(\\d+)]\\.(\\w+)");

    private HistoryErrors() {
    }

    static String of(Throwable t) {
        if (t instanceof ValidationException v) {
            return v.violations().stream().map(HistoryErrors::describe).collect(Collectors.joining("\n"));
        }
        return ErrorText.of(t);
    }

    static String describe(Violation v) {
        return Messages.get("violation.format", label(v.field()), Messages.violationMessage(v));
    }

    static String label(String field) {
        Matcher m = DOSE.matcher(field);
        if (m.matches()) {
            return Messages.get("history.field.doseStep", Integer.parseInt(m.group(1)) + 1);
        }
        String key = "history.field." + field;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : field;
    }
}
