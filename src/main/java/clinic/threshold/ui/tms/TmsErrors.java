package clinic.threshold.ui.tms;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ErrorText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words for what the TMS service refused: each problem with the label of its field. */
final class TmsErrors {
    private static final Pattern INDEXED = Pattern.compile("(item|event)(\\d+)");

    private TmsErrors() {
    }

    static String of(Throwable t) {
        if (t instanceof ValidationException v) {
            return v.violations().stream().map(TmsErrors::describe).collect(Collectors.joining("\n"));
        }
        return ErrorText.of(t);
    }

    static String describe(Violation v) {
        return Messages.get("violation.format", label(v.field()), Messages.violationMessage(v));
    }

    static String label(String field) {
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            return Messages.get("tms.field." + m.group(1) + "Row", Integer.parseInt(m.group(2)));
        }
        String key = "tms.field." + field;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : field;
    }
}
