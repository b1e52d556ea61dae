package clinic.threshold.domain.patient;

import java.util.EnumSet;
import java.util.Set;

/**
 * A patient search: free text (see {@link SearchTerms}), optional status and payer filters, and a row
 * limit, because search runs in the database and never loads the whole registry.
 */
public record PatientQuery(String text, Set<PatientStatus> statuses, Integer payerId, int limit) {

    public static final int DEFAULT_LIMIT = 200;

    public PatientQuery {
        statuses = statuses == null || statuses.isEmpty()
                ? EnumSet.allOf(PatientStatus.class) : EnumSet.copyOf(statuses);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    public static PatientQuery text(String text) {
        return new PatientQuery(text, null, null, DEFAULT_LIMIT);
    }

    public SearchTerms terms() {
        return SearchTerms.parse(text);
    }
}
