package clinic.threshold.domain.schedule;

import java.time.LocalDate;

/** A chair out of service or a technician away, for whole days from {@code from} to {@code to} inclusive. */
public record Absence(long id, Kind kind, long resourceId, LocalDate from, LocalDate to, String reason) {

    public enum Kind {
        CHAIR, TECHNICIAN
    }

    public Absence {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("an absence must not end before it starts");
        }
    }

    public boolean covers(Kind k, long resource, LocalDate day) {
        return kind == k && resourceId == resource && !day.isBefore(from) && !day.isAfter(to);
    }
}
