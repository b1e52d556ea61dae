package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.PlannedSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Patients waiting to start a course, with their preferences and the date they joined (issue 9). When capacity
 * frees up, {@link #whoFits} tries each in order of waiting and says who could start on a day with every
 * session placed; each fitting patient's proposal counts against the next one's, so two are never offered the
 * same chair.
 */
public final class Waitlist {
    private Waitlist() {
    }

    /** A waiting patient: the course facts, its plan if started on the day asked about, and preferences. */
    public record Waiting(String name, LocalDate since, AutoScheduler.CourseFacts course, List<PlannedSession> plan,
            Preference preference) {
    }

    /** A patient who fits, with the proposal. */
    public record Fit(Waiting who, Placement placement) {
    }

    public static List<Fit> whoFits(AutoScheduler scheduler, List<Waiting> waiting, ScheduleState state) {
        List<Fit> out = new ArrayList<>();
        ScheduleState s = state;
        for (Waiting w : waiting.stream().sorted(java.util.Comparator.comparing(Waiting::since)).toList()) {
            Placement p = scheduler.place(w.course(), w.plan(), w.preference(), s);
            if (p.unplaced().isEmpty()) {
                out.add(new Fit(w, p));
                for (Booking b : p.placed()) {
                    s = s.with(b);
                }
            }
        }
        return out;
    }
}
