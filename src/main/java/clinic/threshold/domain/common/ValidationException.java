package clinic.threshold.domain.common;

import java.util.List;

/** Input broke one or more rules; nothing was saved. */
public class ValidationException extends RuntimeException {
    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super("Validation failed: " + violations.stream().map(Violation::messageKey).toList());
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }
}
