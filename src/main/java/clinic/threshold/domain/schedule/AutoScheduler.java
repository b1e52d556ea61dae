package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.PlannedSession;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places a course's planned sessions on chairs (issue 9): each on its planned day, at the same time and on the
 * same chair as the one before where it can, else at the nearest free time in the patient's window, choosing
 * among free chairs the least booked that day, with a trained technician free at that time. Several sessions a
 * day (accelerated protocols) are placed as a block on one chair, each at least the interval after the last.
 * What cannot be placed is reported with the conflicts at the time it tried first. Nothing is saved here.
 */
public final class AutoScheduler {
    private final int stepMinutes;

    /** @param stepMinutes the grid of start times tried (15 minutes, say) */
    public AutoScheduler(int stepMinutes) {
        if (stepMinutes < 1) {
            throw new IllegalArgumentException("the time step must be at least a minute");
        }
        this.stepMinutes = stepMinutes;
    }

    /**
     * The course's facts the scheduler needs: the slot of a routine session, of the first (mapping and motor
     * threshold) and of a session where the motor threshold is re-determined ({@code mtSessions}, by number).
     */
    public record CourseFacts(long patientId, long courseId, String protocol, int slotMinutes, int firstSlotMinutes,
            int minIntervalMinutes, java.util.Set<Integer> mtSessions, int mtSlotMinutes) {

        public CourseFacts {
            mtSessions = java.util.Set.copyOf(mtSessions);
        }

        /** No re-determination planned: every session after the first has the routine slot. */
        public CourseFacts(long patientId, long courseId, String protocol, int slotMinutes, int firstSlotMinutes,
                int minIntervalMinutes) {
            this(patientId, courseId, protocol, slotMinutes, firstSlotMinutes, minIntervalMinutes, java.util.Set.of(),
                    slotMinutes);
        }

        /** How long session {@code number} is booked for. */
        public int minutesFor(int number) {
            return number == 1 ? firstSlotMinutes : mtSessions.contains(number) ? mtSlotMinutes : slotMinutes;
        }
    }

    public Placement place(CourseFacts c, List<PlannedSession> plan, Preference pref, ScheduleState initial) {
        ScheduleState state = initial;
        List<Booking> placed = new ArrayList<>();
        List<Placement.Unplaced> unplaced = new ArrayList<>();
        LocalTime anchor = pref.earliest();
        Long chair = pref.chairId();
        Long technician = null;
        for (PlannedSession s : plan) {
            int minutes = c.minutesFor(s.number());
            LocalTime first = anchor;
            if (s.ofDay() > 1) {
                Booking before = placed.isEmpty() ? null : placed.get(placed.size() - 1);
                if (before != null && before.day().equals(s.date())) {
                    first = latest(before.start().plusMinutes(c.minIntervalMinutes()), before.end());
                }
            }
            Booking b = find(c, s, minutes, first, pref, chair, technician, state);
            if (b == null) {
                Booking tried = new Booking(0, c.patientId(), c.courseId(), s.number(), c.protocol(),
                        chair != null ? chair : state.chairs().isEmpty() ? -1 : state.chairs().get(0).id(),
                        technician != null ? technician : state.technicians().isEmpty() ? -1 : state.technicians().get(0).id(),
                        s.date(), first, minutes);
                List<Conflict> why = ConflictChecker.check(tried, state, c.minIntervalMinutes());
                unplaced.add(new Placement.Unplaced(s, why.isEmpty()
                        ? List.of(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.windowFull")) : why));
                continue;
            }
            placed.add(b);
            state = state.with(b);
            if (chair == null) {
                chair = b.chairId(); // the course's chair: a day elsewhere does not change it
            }
            if (technician == null) {
                technician = b.technicianId();
            }
            if (s.ofDay() == 1 && placed.size() == 1) {
                anchor = b.start(); // the course's time: each day starts there first
            }
        }
        return new Placement(placed, unplaced);
    }

    /** The first workable booking at {@code first} or the nearest time to it in the window. */
    private Booking find(CourseFacts c, PlannedSession s, int minutes, LocalTime first, Preference pref, Long chair,
            Long technician, ScheduleState state) {
        for (LocalTime t : times(first, pref, s.ofDay() > 1)) {
            for (Chair ch : chairs(state, s.date(), chair, c.protocol())) {
                for (Technician tech : technicians(state, ch, technician, c.protocol())) {
                    Booking b = new Booking(0, c.patientId(), c.courseId(), s.number(), c.protocol(), ch.id(), tech.id(),
                            s.date(), t, minutes);
                    if (ConflictChecker.check(b, state, c.minIntervalMinutes()).isEmpty()) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Start times to try: the anchor, then alternately later and earlier by the step, within the window; for the
     * later sessions of a day, only later times (the block moves forward through the day).
     */
    private List<LocalTime> times(LocalTime anchor, Preference pref, boolean laterOnly) {
        List<LocalTime> out = new ArrayList<>();
        LocalTime latest = laterOnly ? LocalTime.of(23, 59 - 59 % stepMinutes) : pref.latest();
        if (!anchor.isAfter(latest)) {
            out.add(anchor);
        }
        for (int k = 1; k < 24 * 60 / stepMinutes; k++) {
            LocalTime later = anchor.plusMinutes((long) k * stepMinutes);
            LocalTime earlier = anchor.minusMinutes((long) k * stepMinutes);
            boolean laterOk = later.isAfter(anchor) && !later.isAfter(latest);
            boolean earlierOk = !laterOnly && earlier.isBefore(anchor) && !earlier.isBefore(pref.earliest());
            if (laterOk) {
                out.add(later);
            }
            if (earlierOk) {
                out.add(earlier);
            }
            if (!laterOk && !earlierOk) {
                break;
            }
        }
        return out;
    }

    /** The preferred chair first, then the others able to deliver the protocol, least booked that day first. */
    private static List<Chair> chairs(ScheduleState s, LocalDate day, Long preferred, String protocol) {
        List<Booking> that = s.on(day);
        return s.chairs().stream().filter(Chair::active).filter(ch -> ch.delivers(protocol))
                .sorted(Comparator.comparing((Chair ch) -> preferred == null || ch.id() != preferred)
                        .thenComparingLong(ch -> that.stream().filter(b -> b.chairId() == ch.id()).count())
                        .thenComparingLong(Chair::id))
                .toList();
    }

    private static List<Technician> technicians(ScheduleState s, Chair chair, Long preferred, String protocol) {
        return s.technicians().stream().filter(Technician::active)
                .filter(t -> t.chairs().contains(chair.id()) && t.protocols().contains(protocol))
                .sorted(Comparator.comparing((Technician t) -> preferred == null || t.id() != preferred)
                        .thenComparingLong(Technician::id))
                .toList();
    }

    private static LocalTime latest(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }
}
