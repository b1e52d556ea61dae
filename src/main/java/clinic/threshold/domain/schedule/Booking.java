package clinic.threshold.domain.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A TMS session placed on a chair with a technician at a time (an existing appointment, or one proposed).
 * {@code id} is 0 for a proposal.
 */
public record Booking(long id, long patientId, Long courseId, Integer sessionNumber, String protocol, long chairId,
        long technicianId, LocalDate day, LocalTime start, int minutes) {

    public LocalTime end() {
        return start.plusMinutes(minutes);
    }

    public LocalDateTime startAt() {
        return day.atTime(start);
    }

    public boolean overlaps(Booking o) {
        return day.equals(o.day) && start.isBefore(o.end()) && end().isAfter(o.start);
    }
}
