package clinic.threshold.domain.payer;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A prior-authorization request for a patient (and their course once it exists): to whom, for what, where it
 * stands, and what the payer granted (number, units as sessions, window) or why it refused. {@code clinician} is the
 * requesting clinician's username, whose signature closes the letters.
 */
public record PriorAuthorization(long id, long patientId, String patientName, String mrn, Long courseId, AuthKind kind,
        String payer, String plan, String policyCode, String protocolCode, Integer requestedSessions, String clinician,
        AuthStatus status, String number, Integer units, LocalDate first, LocalDate last, LocalDate submittedOn,
        LocalDate decidedOn, String denialReason, String documentsSent, String note, Instant createdAt, String createdBy,
        int version) {

    /** The status as of a day: an approval whose window has passed has expired, recorded or not. */
    public AuthStatus statusOn(LocalDate day) {
        return status == AuthStatus.APPROVED && last != null && last.isBefore(day) ? AuthStatus.EXPIRED : status;
    }

    /** Days from submission to the payer's decision, or so far while still waiting; null before submission. */
    public Long daysWaiting(LocalDate today) {
        if (submittedOn == null) {
            return null;
        }
        LocalDate end = decidedOn != null ? decidedOn : today;
        return java.time.temporal.ChronoUnit.DAYS.between(submittedOn, end);
    }
}
