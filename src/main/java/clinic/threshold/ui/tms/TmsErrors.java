package clinic.threshold.ui.tms;

import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ViolationText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words for what the TMS service refused: each problem with the label of its field. */
final class TmsErrors {
    private static final Pattern INDEXED = Pattern.compile("(item|event)(\\d+)");

    private TmsErrors() {
    }

    static String of(Throwable t) {
        return ViolationText.of(t, TmsErrors::label);
    }

    static String label(String field) {
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            return Messages.get("tms.field." + m.group(1) + "Row", Integer.parseInt(m.group(2)));
        }
        return ViolationText.label("tms.field.", field);
    }
}
