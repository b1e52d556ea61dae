package clinic.threshold.domain.history;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A patient's episodes and the trials within them. */
public record TreatmentHistory(List<Episode> episodes, List<TreatmentTrial> trials) {
    public TreatmentHistory {
        episodes = List.copyOf(episodes);
        trials = List.copyOf(trials);
    }

    /**
     * The current episode: the one without an end date (the latest by onset if several are open), else
     * the latest by onset. Only its trials count toward resistance.
     */
    public Optional<Episode> currentEpisode() {
        Comparator<Episode> byOnset = Comparator.comparing(Episode::onset);
        Optional<Episode> open = episodes.stream().filter(Episode::isOpen).max(byOnset);
        return open.isPresent() ? open : episodes.stream().max(byOnset);
    }

    public Optional<TreatmentTrial> trial(String id) {
        return trials.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
