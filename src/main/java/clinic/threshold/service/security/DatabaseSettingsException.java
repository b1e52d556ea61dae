package clinic.threshold.service.security;

import clinic.threshold.domain.common.Violation;
import java.util.List;

/**
 * The data folder's {@code database.properties} cannot be used (a field missing or wrong, a file that cannot be read):
 * told apart from bad input elsewhere, because the remedy is to correct or remove that file.
 */
public final class DatabaseSettingsException extends RuntimeException {
    private final List<Violation> violations;

    public DatabaseSettingsException(List<Violation> violations) {
        super("database.properties cannot be used: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
