package clinic.threshold.domain.outcome;

import java.time.Instant;

/** A stored administration: its id and version, the entry, its total as scored when saved, and who typed it in. */
public record SavedEntry(long id, int version, ScaleEntry entry, int total, String enteredBy, Instant enteredAt) {
}
