package clinic.threshold.domain.schedule;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An appointment as the calendar shows it: who, what, where, when and its status, with the names the screens
 * and the run sheet print. A TMS session carries its course, session number, protocol, chair and technician; the
 * other kinds a clinician and a room.
 */
public record Appointment(long id, int version, long patientId, String patientName, String mrn, AppointmentKind kind,
        Long courseId, Integer sessionNumber, String protocolCode, String protocolName, Long chairId, String chairName,
        Long technicianId, String technicianName, String clinician, String room, LocalDate date, LocalTime start,
        int minutes, AppointmentStatus status, String statusReason) {

    public LocalTime end() {
        return start.plusMinutes(minutes);
    }

    /** The appointment as the conflict checker sees it; chair and technician -1 when it has none. */
    public Booking booking() {
        return new Booking(id, patientId, courseId, sessionNumber, protocolCode == null ? "" : protocolCode,
                chairId == null ? -1 : chairId, technicianId == null ? -1 : technicianId, date, start, minutes);
    }
}
