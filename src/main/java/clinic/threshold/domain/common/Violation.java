package clinic.threshold.domain.common;

import java.util.List;

/**
 * One broken input rule: which field, and a message key with arguments so that the UI and the CLI
 * can say it in the user's language. Domain code names the rule; it never formats text.
 */
public record Violation(String field, String messageKey, List<Object> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String messageKey, Object... args) {
        return new Violation(field, messageKey, List.of(args));
    }
}
