package clinic.threshold.domain.history;

/** A stored episode: its database id and version (for "changed by someone else") and the episode itself. */
public record SavedEpisode(long id, int version, Episode episode, String note) {
}
