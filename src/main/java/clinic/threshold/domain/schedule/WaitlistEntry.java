package clinic.threshold.domain.schedule;

import java.time.LocalDate;

/** A patient waiting to start a course: the protocol, since when, and the preferred window and chair. */
public record WaitlistEntry(long id, int version, long patientId, String patientName, String protocolCode, LocalDate joinedOn,
        Preference preference, String note) {
}
