package clinic.threshold.domain.tms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded safety screening with its answers and, where one was needed, the physician's clearance. */
public record Screening(long id, long patientId, int formVersion, LocalDate screenedOn, String screenedBy,
        List<ScreeningAnswer> answers, String clearedBy, Instant clearedAt, String clearanceNote, int version) {

    public Screening {
        answers = List.copyOf(answers);
    }

    public boolean cleared() {
        return clearedBy != null;
    }
}
