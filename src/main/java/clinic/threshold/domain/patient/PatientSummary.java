package clinic.threshold.domain.patient;

import java.time.LocalDate;

/** One row of a patient list or search result: only what the list shows. */
public record PatientSummary(
        long id,
        String mrn,
        String givenName,
        String familyName,
        String preferredName,
        LocalDate birthDate,
        String phone,
        PatientStatus status,
        String payerName) {
}
