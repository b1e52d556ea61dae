package clinic.threshold.domain.tms;

import java.time.LocalDate;

/**
 * A TMS course as started: its protocol (the template, stimulation numbers and the other {@link CourseTerms} are
 * copied in at the start, so a later edit of the protocol does not move a running course), planned session
 * count, authorization and status.
 */
public record Course(long id, long patientId, String protocolCode, String protocolName, CourseType type, LocalDate start,
        String indication, int plannedSessions, CourseTemplate template, int pulses, int pctMt, CourseTerms terms,
        Authorization authorization, CourseStatus status, String stopReason, String createdBy, int version) {
}
