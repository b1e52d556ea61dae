package clinic.threshold.domain.tms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A session as stored: delivered (numbered in the course, with its entry, motor threshold used, output and
 * billing code, signed by its operator) or missed or cancelled (with the reason).
 */
public record SavedSession(long id, long courseId, Integer number, SessionStatus status, LocalDate date,
        SessionEntry entry, String missReason, Integer mtUsedPct, Integer outputPct, String billingCode,
        String signedBy, Instant signedAt, List<Addendum> addenda, int version) {

    public SavedSession {
        addenda = List.copyOf(addenda);
    }

    public boolean delivered() {
        return status == SessionStatus.DELIVERED;
    }

    public boolean signed() {
        return signedBy != null;
    }
}
