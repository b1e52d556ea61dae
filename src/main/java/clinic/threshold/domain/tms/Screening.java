package clinic.threshold.domain.tms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded safety screening with its answers and, where one was needed, the physician's clearance; {@code
 * recordedAt} is when it was entered (several sessions a day are told apart from it by time).
 */
public record Screening(long id, long patientId, int formVersion, LocalDate screenedOn, String screenedBy,
        List<ScreeningAnswer> answers, String clearedBy, Instant clearedAt, String clearanceNote, int version, Instant recordedAt) {

    public Screening {
        answers = List.copyOf(answers);
    }

    public boolean cleared() {
        return clearedBy != null;
    }
}
