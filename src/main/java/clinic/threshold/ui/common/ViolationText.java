package clinic.threshold.ui.common;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What a form's service refused, in words: each problem with the label its field has on that form (each feature
 * keeps its labels under its own prefix, "tms.field.", "history.field."...); other failures as {@link ErrorText}
 * says them.
 */
public final class ViolationText {
    private ViolationText() {
    }

    public static String of(Throwable t, UnaryOperator<String> label) {
        if (t instanceof ValidationException v) {
            return v.violations().stream().map(x -> describe(x, label)).collect(Collectors.joining("\n"));
        }
        return ErrorText.of(t);
    }

    public static String describe(Violation v, UnaryOperator<String> label) {
        return Messages.get("violation.format", label.apply(v.field()), Messages.violationMessage(v));
    }

    /** The field's label under {@code prefix}, or its name when the form has no label for it. */
    public static String label(String prefix, String field) {
        String key = prefix + field;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : field;
    }
}
