package clinic.threshold.domain.schedule;

import java.time.LocalTime;

/** A stretch of a day, from inclusive to exclusive; it must end after it starts. */
public record TimeRange(LocalTime from, LocalTime to) {

    public TimeRange {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("a time range must end after it starts");
        }
    }

    public boolean contains(LocalTime start, LocalTime end) {
        return !start.isBefore(from) && !end.isAfter(to);
    }

    public boolean overlaps(LocalTime start, LocalTime end) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
