package clinic.threshold.domain.tms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lays a course out on the clinic's open days (domain.md 4.2, 4.5). The daily part (acute sessions, then any
 * extension sessions) runs on consecutive open days at the template's rate per week and per day; the taper
 * follows in the calendar weeks after the last daily session, its sessions spread across each week's open
 * days. A week with no open day left (a holiday week, or one that has passed) moves its step to the next week
 * intact; a taper week with some but fewer open days than sessions carries the rest into the next week's step. Planning the rest of a course after a miss is the same
 * call with the course's progress, which is how the plan rolls forward.
 */
public final class CoursePlanner {
    /** A calendar that keeps closing every week for ten years is a setup error, not a plan. */
    private static final int MAX_SKIPPED_WEEKS = 520;

    private final ClinicCalendar calendar;

    public CoursePlanner(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Where a course stands: {@code done} sessions delivered, the rest may start on {@code from} (on which
     * {@code usedOnFromDay} session slots were already used, and in whose week {@code usedInFromWeek} sessions
     * were delivered, which the protocol's daily and weekly rates count), and the day of the last
     * delivered acute or extension session (null when none), which fixes the taper's first week.
     */
    public record Progress(int done, LocalDate from, int usedOnFromDay, int usedInFromWeek, LocalDate lastDailyDate) {
        public static Progress start(LocalDate start) {
            return new Progress(0, start, 0, 0, null);
        }
    }

    /** A new course of {@code total} sessions starting on {@code start} (or the first open day after it). */
    public List<PlannedSession> plan(CourseTemplate t, LocalDate start, int total) {
        return plan(t, total, Progress.start(start));
    }

    /** The sessions after {@code progress.done()} up to {@code total}, numbered on from the delivered ones. */
    public List<PlannedSession> plan(CourseTemplate t, int total, Progress progress) {
        if (total < 1) {
            throw new IllegalArgumentException("a course needs at least one session");
        }
        Shape shape = Shape.of(t, total);
        List<PlannedSession> out = new ArrayList<>();
        LocalDate lastDaily = placeDaily(t, shape, progress, out);
        placeTaper(shape, progress, lastDaily, out);
        return out;
    }

    /** The phase of session {@code number} in a course of {@code total} sessions. */
    public static SessionPhase phaseOf(CourseTemplate t, int total, int number) {
        return Shape.of(t, total).phase(number);
    }

    /** The phase of each session number in a course of {@code total} sessions: for going through a course's sessions. */
    public static java.util.function.IntFunction<SessionPhase> phases(CourseTemplate t, int total) {
        return Shape.of(t, total)::phase;
    }

    private LocalDate placeDaily(CourseTemplate t, Shape shape, Progress p, List<PlannedSession> out) {
        LocalDate lastDaily = p.lastDailyDate();
        int first = p.done() + 1;
        if (first > shape.daily()) {
            return lastDaily;
        }
        LocalDate day = calendar.nextOpen(p.from());
        int usedToday = day.equals(p.from()) ? p.usedOnFromDay() : 0;
        int inWeek = monday(day).equals(monday(p.from())) ? p.usedInFromWeek() : 0;
        for (int n = first; n <= shape.daily(); n++) {
            while (usedToday >= t.sessionsPerDay() || inWeek >= t.sessionsPerWeek()) {
                LocalDate next = inWeek >= t.sessionsPerWeek()
                        ? calendar.nextOpen(monday(day).plusWeeks(1)) : calendar.nextOpen(day.plusDays(1));
                if (!monday(next).equals(monday(day))) {
                    inWeek = 0;
                }
                day = next;
                usedToday = 0;
            }
            usedToday++;
            inWeek++;
            out.add(new PlannedSession(n, day, usedToday, shape.phase(n)));
            lastDaily = day;
        }
        return lastDaily;
    }

    private void placeTaper(Shape shape, Progress p, LocalDate lastDaily, List<PlannedSession> out) {
        int doneInTaper = Math.max(0, p.done() - shape.daily());
        Deque<Integer> steps = new ArrayDeque<>(shape.taperSteps());
        boolean stepDone = false; // the sessions given so far end exactly at the end of a week's step
        for (int skip = doneInTaper; skip > 0 && !steps.isEmpty();) {
            int c = steps.pollFirst();
            if (c > skip) {
                steps.addFirst(c - skip);
                skip = 0;
            } else {
                skip -= c;
                stepDone = skip == 0;
            }
        }
        if (steps.isEmpty()) {
            return;
        }
        // The taper's first week follows the last daily session's week, never a week already past; once the
        // from-week's step is given in full, the next step waits for the next week.
        LocalDate week = monday(p.from());
        if (doneInTaper == 0 && lastDaily != null && monday(lastDaily).plusWeeks(1).isAfter(week)) {
            week = monday(lastDaily).plusWeeks(1);
        } else if (doneInTaper > 0 && stepDone && p.usedInFromWeek() > 0) {
            week = week.plusWeeks(1);
        }
        LocalDate earliest = p.from().isAfter(week) ? p.from() : week;
        if (p.usedOnFromDay() > 0 && !earliest.isAfter(p.from())) {
            earliest = p.from().plusDays(1); // one taper session a day, and that day's slot is used
        }
        int n = Math.max(p.done(), shape.daily()) + 1;
        int skipped = 0;
        while (!steps.isEmpty()) {
            int c = steps.pollFirst();
            List<LocalDate> days = openDays(week, earliest);
            if (days.isEmpty()) {
                if (++skipped > MAX_SKIPPED_WEEKS) {
                    throw new IllegalStateException("the clinic calendar has no open day for the taper");
                }
                // A week closed whole, or whose days have passed: the step moves to the next week intact.
                steps.addFirst(c);
                week = week.plusWeeks(1);
                continue;
            }
            int take = Math.min(c, days.size());
            for (int i = 0; i < take; i++) {
                out.add(new PlannedSession(n, days.get((int) ((i + 0.5) * days.size() / take)), 1, SessionPhase.TAPER));
                n++;
            }
            if (c > take) {
                if (steps.isEmpty()) {
                    steps.addFirst(c - take);
                } else {
                    steps.addFirst(steps.pollFirst() + c - take);
                }
            }
            week = week.plusWeeks(1);
        }
    }

    private List<LocalDate> openDays(LocalDate monday, LocalDate earliest) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = monday; d.isBefore(monday.plusWeeks(1)); d = d.plusDays(1)) {
            if (!d.isBefore(earliest) && calendar.isOpen(d)) {
                days.add(d);
            }
        }
        return days;
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(DayOfWeek.MONDAY);
    }

    /** How a total splits into acute, extension and taper sessions. */
    private record Shape(int acute, int extension, List<Integer> taperSteps) {
        static Shape of(CourseTemplate t, int total) {
            int acute = Math.min(t.acuteSessions(), total);
            int taper = Math.min(t.taperSessions(), total - acute);
            List<Integer> steps = new ArrayList<>();
            int left = taper;
            for (int c : t.taperPattern()) {
                if (left == 0) {
                    break;
                }
                steps.add(Math.min(c, left));
                left -= Math.min(c, left);
            }
            return new Shape(acute, total - acute - taper, steps);
        }

        int daily() {
            return acute + extension;
        }

        SessionPhase phase(int n) {
            return n <= acute ? SessionPhase.ACUTE : n <= daily() ? SessionPhase.EXTENSION : SessionPhase.TAPER;
        }
    }
}
