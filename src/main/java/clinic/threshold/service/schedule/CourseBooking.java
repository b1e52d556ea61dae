package clinic.threshold.service.schedule;

import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AutoScheduler;
import clinic.threshold.domain.schedule.Booking;
import clinic.threshold.domain.schedule.Conflict;
import clinic.threshold.domain.schedule.ConflictChecker;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.Reflow;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.ScheduleState;
import clinic.threshold.domain.tms.PlannedSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Plans and applies the booking of one course: a first booking and a re-flow are the same operation. */
final class CourseBooking {
    /** When a course has no preference saved and no bookings: the whole day, so the clinic's hours decide. */
    private static final Preference ANY_TIME = new Preference(LocalTime.MIN, LocalTime.of(23, 59), null);

    private CourseBooking() {
    }

    static CourseBookingPlan plan(DSLContext dsl, AutoScheduler scheduler, ScheduleResources r, CourseFactsReader c,
            Preference preference, LocalDate today) {
        return plan(scheduler, ScheduleStates.load(dsl, r, today, c.lastDay(today).plusWeeks(2)), c, preference);
    }

    /** The plan against {@code schedule} (which may hold this course's own bookings: they are set aside). */
    static CourseBookingPlan plan(AutoScheduler scheduler, ScheduleState schedule, CourseFactsReader c, Preference preference) {
        ScheduleState state = schedule.without(c.booked().stream().map(Appointment::id).toList());
        Preference pref = preference != null ? preference : ANY_TIME;
        Reflow.Result result = Reflow.reflow(scheduler, c.facts(), c.bookings(), c.plan(), pref, state);
        return new CourseBookingPlan(c.course().id(), c.course().patientId(), c.patientName(), c.protocol().name(), preference,
                result);
    }

    /** Applies the plan if the course's bookings and the schedule still allow every change in it. */
    static void apply(DSLContext dsl, CourseBookingPlan plan, LocalDate today, String by, Instant at) {
        CourseFactsReader c = CourseFactsReader.read(dsl, plan.courseId(), today);
        Reflow.Result r = plan.result();
        Map<Long, Appointment> mine = c.booked().stream().collect(Collectors.toMap(Appointment::id, Function.identity()));
        LocalDate last = c.lastDay(today);
        for (Booking b : r.placed()) {
            last = b.day().isAfter(last) ? b.day() : last;
        }
        for (Reflow.Move m : r.moved()) {
            last = m.to().day().isAfter(last) ? m.to().day() : last;
        }
        ScheduleState state = ScheduleStates.load(dsl, today, last).without(mine.keySet());
        AppointmentRepository repo = new AppointmentRepository(dsl);
        List<Integer> planned = c.plan().stream().map(PlannedSession::number).toList();
        java.util.Set<Long> covered = new java.util.HashSet<>();
        r.kept().forEach(b -> covered.add(b.id()));
        r.moved().forEach(m -> covered.add(m.from().id()));
        r.cancelled().forEach(b -> covered.add(b.id()));
        if (!covered.equals(mine.keySet())) {
            stale(); // a booking was added to or taken from the course since the plan was made
        }
        for (Booking b : r.cancelled()) {
            Appointment a = unchanged(mine, b);
            ok(repo.setStatus(a.id(), a.version(), clinic.threshold.domain.schedule.AppointmentStatus.CANCELLED,
                    "re-flow: no session planned that day", by, at));
        }
        for (Booking b : r.kept()) {
            state = state.with(checked(b, state, c, planned));
            Appointment a = unchanged(mine, b);
            if (!b.sessionNumber().equals(a.sessionNumber())) {
                ok(repo.renumber(a.id(), a.version(), b.sessionNumber()));
            }
        }
        // Free every moving booking's slots first: one may move into another's old time.
        r.moved().forEach(m -> repo.freeSlots(unchanged(mine, m.from()).id()));
        for (Reflow.Move m : r.moved()) {
            state = state.with(checked(m.to(), state, c, planned));
            Appointment a = unchanged(mine, m.from());
            ok(repo.move(a.id(), a.version(), m.to(), by, at));
        }
        for (Booking b : r.placed()) {
            state = state.with(checked(b, state, c, planned));
            repo.insert(ScheduleService.fromBooking(b), by, at);
        }
    }

    private static void ok(boolean written) {
        if (!written) {
            stale();
        }
    }

    private static void stale() {
        throw new ValidationException(Violation.of("plan", "schedule.error.planStale"));
    }

    private static Appointment unchanged(Map<Long, Appointment> mine, Booking b) {
        Appointment a = mine.get(b.id());
        if (a == null || !a.date().equals(b.day()) || !a.start().equals(b.start()) || a.chairId() != b.chairId()) {
            stale();
        }
        return a;
    }

    private static Booking checked(Booking b, ScheduleState state, CourseFactsReader c, List<Integer> planned) {
        List<Conflict> conflicts = ConflictChecker.check(b, state, c.facts().minIntervalMinutes());
        if (!conflicts.isEmpty() || !planned.contains(b.sessionNumber())) {
            stale();
        }
        return b;
    }

    /** The schedule as it will be once {@code plan} is applied: the course's bookings where the plan puts them. */
    static ScheduleState after(ScheduleState schedule, CourseFactsReader c, CourseBookingPlan plan) {
        Reflow.Result r = plan.result();
        ScheduleState s = schedule.without(c.booked().stream().map(Appointment::id).toList()).withAll(r.kept())
                .withAll(r.placed());
        for (Reflow.Move m : r.moved()) {
            s = s.with(m.to());
        }
        return s;
    }
}
