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

    /**
     * The history as it stood on {@code day} (reports looking back): episodes and trials begun after it left out, and
     * an episode that ended after it still open. Trials keep what was recorded about them.
     */
    public TreatmentHistory asOf(java.time.LocalDate day) {
        List<Episode> then = episodes.stream().filter(e -> !e.onset().isAfter(day))
                .map(e -> e.end() != null && e.end().isAfter(day) ? new Episode(e.id(), e.onset(), null, e.severity()) : e).toList();
        java.util.Set<String> kept = then.stream().map(Episode::id).collect(java.util.stream.Collectors.toSet());
        return new TreatmentHistory(then, trials.stream().filter(t -> !t.start().isAfter(day) && kept.contains(t.episodeId())).toList());
    }

    public Optional<TreatmentTrial> trial(String id) {
        return trials.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
