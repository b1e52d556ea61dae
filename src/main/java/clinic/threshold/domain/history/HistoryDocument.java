package clinic.threshold.domain.history;

import clinic.threshold.domain.patient.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's history as it travels in the interchange format ({@code threshold-history/1}): who it is
 * about, the episodes and trials, and rating-scale results that came with it.
 */
public record HistoryDocument(PatientRef patient, TreatmentHistory history, List<ScaleResult> assessments) {
    public HistoryDocument {
        assessments = List.copyOf(assessments);
    }

    /** Identifies the patient: matched by MRN on import. */
    public record PatientRef(String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex) {
    }

    /** One rating-scale result: a total, and the item scores where they were recorded. */
    public record ScaleResult(String instrument, LocalDate date, BigDecimal total, List<Integer> items) {
        public ScaleResult {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
