package clinic.threshold.domain.schedule;

import java.time.LocalDate;

/** An active course with nothing booked: who, which protocol, how many sessions from which day. */
public record CourseToBook(long courseId, long patientId, String patientName, String protocolName, int sessions,
        LocalDate firstDay) {
}
