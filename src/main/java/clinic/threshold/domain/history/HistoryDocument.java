package clinic.threshold.domain.history;

import clinic.threshold.domain.patient.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A patient's history as it travels in the interchange format ({@code threshold-history/1}): who it is
 * about, the episodes (with their notes, by episode id) and trials, and rating-scale results that came with it.
 */
public record HistoryDocument(PatientRef patient, TreatmentHistory history, List<ScaleResult> assessments,
                              Map<String, String> episodeNotes) {
    public HistoryDocument {
        assessments = List.copyOf(assessments);
        episodeNotes = Map.copyOf(episodeNotes);
    }

    public HistoryDocument(PatientRef patient, TreatmentHistory history, List<ScaleResult> assessments) {
        this(patient, history, assessments, Map.of());
    }

    /** Identifies the patient: matched by MRN on import. */
    public record PatientRef(String mrn, String givenName, String familyName, LocalDate birthDate, Sex sex) {
    }

    /**
     * One rating-scale result: a total, and the item scores where they were recorded. {@code ratedBy} is who
     * rated it (optional); {@code safetyValue} the suicide-risk item's value when only a total was recorded.
     */
    public record ScaleResult(String instrument, LocalDate date, BigDecimal total, List<Integer> items, String ratedBy,
                              Integer safetyValue) {
        public ScaleResult {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public ScaleResult(String instrument, LocalDate date, BigDecimal total, List<Integer> items) {
            this(instrument, date, total, items, null, null);
        }
    }
}
