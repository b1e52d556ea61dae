package clinic.threshold.domain.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A patient as stored: the details plus registry state. {@code version} guards against lost updates. */
public record Patient(
        long id,
        int version,
        PatientDetails details,
        PatientStatus status,
        LocalDate dischargedOn,
        boolean voided,
        String voidReason,
        Instant createdAt,
        Instant updatedAt) {

    public int ageOn(LocalDate day) {
        return Period.between(details.birthDate(), day).getYears();
    }

    public String mrn() {
        return details.mrn();
    }
}
