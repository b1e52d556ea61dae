package clinic.threshold.ui.medication;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SafetyStopException;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.ViolationText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Words for what the medication service refused: each problem with the label of its field, hard stops with their rule. */
final class MedicationErrors {
    private static final Pattern INDEXED = Pattern.compile("(?:(down|up|to)\\.)?(doses|steps)\\[(\\d+)]\\.(\\w+)");
    private static final Pattern SIDE = Pattern.compile("(down|up|to)\\.(\\w+)");

    private MedicationErrors() {
    }

    static String of(Throwable t) {
        if (t instanceof SafetyStopException s) {
            return Messages.get("medication.hardStop.intro") + "\n" + s.alerts().stream().filter(SafetyAlert::hardStop)
                    .map(MedicationText::alert).collect(Collectors.joining("\n"));
        }
        return ViolationText.of(t, MedicationErrors::label);
    }

    static String describe(Violation v) {
        return ViolationText.describe(v, MedicationErrors::label);
    }

    static String label(String field) {
        Matcher m = INDEXED.matcher(field);
        if (m.matches()) {
            String side = m.group(1) == null ? "" : Messages.get("medication.side." + m.group(1)) + ", ";
            return side + Messages.get("medication.field." + m.group(2) + "Row", Integer.parseInt(m.group(3)) + 1);
        }
        Matcher s = SIDE.matcher(field);
        if (s.matches()) {
            return Messages.get("medication.side." + s.group(1)) + ", " + label(s.group(2));
        }
        return ViolationText.label("medication.field.", field);
    }
}
