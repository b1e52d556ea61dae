package clinic.threshold.service.tms;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;

/** Free-text inputs of the TMS forms: trimmed, required where the rule says so, and bounded. */
final class Texts {
    private Texts() {
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(Violation.of(field, "validation.required"));
        }
        return optional(value, field, max);
    }

    static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new ValidationException(Violation.of(field, "tms.error.tooLong", max));
        }
        return value.strip();
    }
}
