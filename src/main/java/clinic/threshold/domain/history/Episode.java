package clinic.threshold.domain.history;

import java.time.LocalDate;

/** One episode of depression: {@code end} is null while it lasts; severity as rated at its start. */
public record Episode(String id, LocalDate onset, LocalDate end, Severity severity) {
    public boolean isOpen() {
        return end == null;
    }
}
