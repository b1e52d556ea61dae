package clinic.threshold.domain.outcome;

import java.util.List;

/** What recording a scale gave: the saved entry, its band, and the safety items that raised an alert. */
public record RecordResult(SavedEntry saved, String band, boolean remission, List<Integer> safetySignals) {
    public RecordResult {
        safetySignals = List.copyOf(safetySignals);
    }
}
