package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.PlannedSession;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-flows a course's bookings after a change (a miss, a new closure, a chair out of service, a technician away):
 * a booking on a day the plan still has a session, and still free of conflicts, stays; every other planned
 * session is placed anew at the course's usual time and chair where it can, reusing a left-over booking (a move);
 * left-over bookings with nowhere to go are cancelled. Only what must move moves; the result is shown before it is applied.
 */
public final class Reflow {
    private Reflow() {
    }

    /** A booking moved: where it was, where it goes, and why it could not stay. */
    public record Move(Booking from, Booking to, List<Conflict> why) {
        public Move {
            why = List.copyOf(why);
        }
    }

    /** What a re-flow would do. */
    public record Result(List<Booking> kept, List<Move> moved, List<Booking> placed, List<Booking> cancelled,
            List<Placement.Unplaced> unplaced, int renumbered) {

        public Result {
            kept = List.copyOf(kept);
            moved = List.copyOf(moved);
            placed = List.copyOf(placed);
            cancelled = List.copyOf(cancelled);
            unplaced = List.copyOf(unplaced);
        }

        /**
         * Whether the scheduler needs to see this course: something moves, is added or cancelled, a kept booking
         * takes a new session number, or a planned session has no place.
         */
        public boolean changes() {
            return !moved.isEmpty() || !placed.isEmpty() || !cancelled.isEmpty() || renumbered > 0 || !unplaced.isEmpty();
        }
    }

    /**
     * Bookings are matched to the plan by day, not by number: after a miss or a closure the plan slides by a day
     * and most bookings still fall on planned days, so they stay (renumbered) and only the one left over moves to
     * the new last day.
     *
     * @param current the course's bookings from today on
     * @param plan the course's plan from today on (numbers as planned now)
     * @param others the schedule without this course's current bookings
     */
    public static Result reflow(AutoScheduler scheduler, AutoScheduler.CourseFacts c, List<Booking> current,
            List<PlannedSession> plan, Preference pref, ScheduleState others) {
        Map<java.time.LocalDate, List<Booking>> byDay = current.stream()
                .sorted(java.util.Comparator.comparing(Booking::startAt))
                .collect(Collectors.groupingBy(Booking::day, java.util.TreeMap::new, Collectors.toCollection(ArrayList::new)));
        ScheduleState state = others;
        List<Booking> kept = new ArrayList<>();
        int renumbered = 0;
        List<PlannedSession> toPlace = new ArrayList<>();
        Map<Long, List<Conflict>> why = new java.util.HashMap<>();
        for (PlannedSession s : plan) {
            List<Booking> that = byDay.getOrDefault(s.date(), new ArrayList<>());
            Booking b = that.isEmpty() ? null : renumbered(that.get(0), s.number());
            List<Conflict> conflicts = b == null ? List.of() : ConflictChecker.check(b, state, c.minIntervalMinutes());
            if (b != null && conflicts.isEmpty()) {
                renumbered += java.util.Objects.equals(that.get(0).sessionNumber(), b.sessionNumber()) ? 0 : 1;
                that.remove(0);
                kept.add(b);
                state = state.with(b);
            } else {
                if (b != null) {
                    why.put(b.id(), conflicts);
                }
                toPlace.add(s);
            }
        }
        List<Booking> leftOver = new ArrayList<>();
        byDay.values().forEach(leftOver::addAll);
        // The course's usual time leads even when a drag put it outside the saved window: the window widens to it.
        LocalTime usualStart = usualTime(current).orElse(pref.earliest());
        Preference usual = new Preference(usualStart, usualStart.isAfter(pref.latest()) ? usualStart : pref.latest(),
                usualChair(current).orElse(pref.chairId()));
        Placement p = scheduler.place(c, toPlace, usual, state);
        List<Move> moved = new ArrayList<>();
        List<Booking> placed = new ArrayList<>();
        for (Booking b : p.placed()) {
            // A left-over booking on the same day first (its time had a conflict), else the earliest left over.
            Booking old = leftOver.stream().filter(o -> o.day().equals(b.day())).findFirst()
                    .orElse(leftOver.isEmpty() ? null : leftOver.get(0));
            if (old != null) {
                leftOver.remove(old);
                moved.add(new Move(old, new Booking(old.id(), b.patientId(), b.courseId(), b.sessionNumber(), b.protocol(),
                        b.chairId(), b.technicianId(), b.day(), b.start(), b.minutes()), why.getOrDefault(old.id(),
                        List.of(Conflict.of(Conflict.Kind.NOT_PLANNED, "schedule.conflict.notPlanned", old.day())))));
            } else {
                placed.add(b);
            }
        }
        return new Result(kept, moved, placed, leftOver, p.unplaced(), renumbered);
    }

    private static Booking renumbered(Booking b, int number) {
        return new Booking(b.id(), b.patientId(), b.courseId(), number, b.protocol(), b.chairId(), b.technicianId(), b.day(),
                b.start(), b.minutes());
    }

    /** The most common time of each day's first session (an accelerated day's later sessions follow from it). */
    private static Optional<LocalTime> usualTime(List<Booking> current) {
        Map<java.time.LocalDate, LocalTime> first = new java.util.TreeMap<>();
        for (Booking b : current) {
            first.merge(b.day(), b.start(), (x, y) -> x.isBefore(y) ? x : y);
        }
        return mostCommon(List.copyOf(first.values()));
    }

    private static Optional<Long> usualChair(List<Booking> current) {
        return mostCommon(current.stream().map(Booking::chairId).toList());
    }

    /** The most frequent value; a tie goes to the smallest, so the answer never depends on hashing order. */
    private static <T extends Comparable<T>> Optional<T> mostCommon(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<T, Long>comparingByValue()
                        .thenComparing(Map.Entry.<T, Long>comparingByKey().reversed())).map(Map.Entry::getKey);
    }
}
