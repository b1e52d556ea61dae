package clinic.threshold.domain.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A TMS course as the outcome rules see it: its label, the days its sessions were given (and are planned), and
 * the spans of its phases, for measuring from the course baseline and for the trend chart's background.
 */
public record CourseWindow(long courseId, String label, LocalDate start, List<LocalDate> given, List<PhaseSpan> phases,
        boolean active) {

    public CourseWindow {
        given = List.copyOf(given);
        phases = List.copyOf(phases);
    }

    /** A run of sessions of one phase, given or planned. */
    public record PhaseSpan(String phase, LocalDate from, LocalDate to, boolean planned) {
    }

    /** The last day a session was given, or null before the first. */
    public LocalDate lastGiven() {
        return given.isEmpty() ? null : given.get(given.size() - 1);
    }

    /** How many sessions had been given by {@code day} (inclusive). */
    public int sessionsBy(LocalDate day) {
        return (int) given.stream().filter(d -> !d.isAfter(day)).count();
    }
}
