package clinic.threshold.service.history;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.Episode;
import java.util.ArrayList;
import java.util.List;

/**
 * The episode form's view of episodes following one another: what the episode being saved would overlap, said with
 * the other episode's dates (the form has no ids to show), on the field that would have to change.
 */
final class EpisodeOrder {
    private EpisodeOrder() {
    }

    static List<Violation> check(List<Episode> episodes, int index) {
        Episode saved = episodes.get(index);
        List<Violation> out = new ArrayList<>();
        if (saved.onset() == null) {
            return out;
        }
        for (int i = 0; i < episodes.size(); i++) {
            Episode other = episodes.get(i);
            if (i == index || other.onset() == null) {
                continue;
            }
            if (other.onset().isBefore(saved.onset())) {
                if (other.end() == null) {
                    out.add(Violation.of("onset", "history.error.earlierStillOpen", other.onset()));
                } else if (!other.end().isBefore(saved.onset())) {
                    out.add(Violation.of("onset", "history.error.overlapsEarlier", other.onset(), other.end()));
                }
            } else if (saved.end() == null) {
                out.add(Violation.of("end", "history.error.laterEpisodeBegins", other.onset()));
            } else if (!saved.end().isBefore(other.onset())) {
                out.add(Violation.of("end", "history.error.overlapsLater", other.onset()));
            }
        }
        return out;
    }
}
