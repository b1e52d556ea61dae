package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.SeverityRule;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The policy form's one-line fields: diagnosis codes ("F32.2, F33.2") and severity rules ("PHQ9 >= 15, HAMD17 > 20")
 * written and read back, with a message naming what could not be read.
 */
final class PolicyText {
    private static final Pattern RULE = Pattern.compile("([A-Za-z0-9_-]+)\\s*(>=|\u2265|>)\\s*(\\d{1,4})");

    private PolicyText() {
    }

    static String codes(Collection<String> codes) {
        return codes.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Codes separated by commas, semicolons or spaces, in upper case as the format keeps them. */
    static Set<String> parseCodes(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,;\\s]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String severity(List<SeverityRule> rules) {
        return rules.stream().map(r -> r.scale() + (r.operator() == SeverityRule.Operator.GE ? " >= " : " > ") + r.value())
                .collect(Collectors.joining(", "));
    }

    static List<SeverityRule> parseSeverity(String text) throws DialogFields.InputException {
        List<SeverityRule> out = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = RULE.matcher(part.strip());
            if (!m.matches()) {
                throw new DialogFields.InputException(Messages.get("violation.format",
                        Messages.get("payer.policyAdmin.field.severity"), Messages.get("payer.policyAdmin.severityFormat",
                                part.strip())));
            }
            out.add(new SeverityRule(m.group(1).toUpperCase(Locale.ROOT), m.group(2).equals(">") ? SeverityRule.Operator.GT
                    : SeverityRule.Operator.GE, Integer.parseInt(m.group(3))));
        }
        return out;
    }
}
