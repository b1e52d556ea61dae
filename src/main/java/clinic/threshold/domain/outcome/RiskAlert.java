package clinic.threshold.domain.outcome;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A suicide-risk alert: a safety item above 0 on a scale ({@code scale}: its name as shown, {@code items}:
 * the item numbers). Open until a clinician documents a review ({@code reviewedAt} set).
 */
public record RiskAlert(long id, int version, long patientId, String patientName, long entryId, String scale,
                        LocalDate ratedOn, String items, Instant raisedAt, Instant reviewedAt, String reviewedBy,
                        String reviewNote) {
    public boolean open() {
        return reviewedAt == null;
    }
}
