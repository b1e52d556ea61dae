package clinic.threshold.service.patient;

import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import java.time.LocalDate;

/** A patient with every field filled, payer Aetna (id 6 in V002__payer.sql). */
final class PatientValidatorFixtures {
    private PatientValidatorFixtures() {
    }

    static PatientDetails full() {
        return new PatientDetails(null, " Ada ", "Lovelace", "Addie", LocalDate.of(1980, 4, 23), Sex.FEMALE,
                "Woman", "(555) 201-3344", "ada@example.org",
                new PatientDetails.Address("12 Analytical St", "London", "CA", "90001"),
                new PatientDetails.EmergencyContact("Mary Somerville", "555 400 1000"), 6, "M123456",
                "Dr. Charles Babbage", "F33.2", "Prefers mornings.");
    }
}
