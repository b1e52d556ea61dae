package clinic.threshold.domain.history;

import java.util.List;

/**
 * Why the assessment decided as it did, as a message key and its arguments; the UI and the CLI word it
 * (domain code names the rule, it never formats text).
 */
public record Reason(String key, List<Object> args) {
    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }
}
