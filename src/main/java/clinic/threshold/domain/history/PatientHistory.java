package clinic.threshold.domain.history;

import java.util.List;
import java.util.Optional;

/** One patient's stored, non-voided episodes and trials, oldest first. */
public record PatientHistory(long patientId, List<SavedEpisode> episodes, List<SavedTrial> trials) {
    public PatientHistory {
        episodes = List.copyOf(episodes);
        trials = List.copyOf(trials);
    }

    /** The history as the assessment and the interchange format see it (ids are the stored ids as text). */
    public TreatmentHistory toHistory() {
        return new TreatmentHistory(episodes.stream().map(SavedEpisode::episode).toList(),
                trials.stream().map(SavedTrial::trial).toList());
    }

    public Optional<SavedTrial> trial(long id) {
        return trials.stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<SavedEpisode> episode(long id) {
        return episodes.stream().filter(e -> e.id() == id).findFirst();
    }

    public boolean isEmpty() {
        return episodes.isEmpty() && trials.isEmpty();
    }
}
