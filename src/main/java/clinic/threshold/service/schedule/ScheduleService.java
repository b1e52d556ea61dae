package clinic.threshold.service.schedule;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.schedule.WaitlistRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.schedule.Alternatives;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.domain.schedule.AutoScheduler;
import clinic.threshold.domain.schedule.Booking;
import clinic.threshold.domain.schedule.BookingCheck;
import clinic.threshold.domain.schedule.Conflict;
import clinic.threshold.domain.schedule.ConflictChecker;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.CourseToBook;
import clinic.threshold.domain.schedule.DaySchedule;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.Reflow;
import clinic.threshold.domain.schedule.ScheduleConflictException;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.ScheduleState;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.VisitChecker;
import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The clinic's calendar (issue 9): reading a day, a range or a patient's appointments ({@code patient.read});
 * booking, moving, resizing, cancelling and checking in ({@code schedule.write}); booking a whole course and
 * re-flowing courses after a change, each shown as a plan first. Every write checks every rule against the
 * schedule as it stands in the same transaction, and the chair-slot key backs it against a second workstation.
 */
public final class ScheduleService {
    /** The grid the auto-scheduler and the alternatives try start times on. */
    public static final int STEP_MINUTES = 15;
    private static final int ALTERNATIVES = 3;
    private static final int MAX_REASON = 400;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final AutoScheduler scheduler = new AutoScheduler(STEP_MINUTES);

    public ScheduleService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public DaySchedule day(LocalDate date) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            ScheduleResources r = new ResourceRepository(dsl).load();
            ClinicCalendar cal = new TmsReferenceRepository(dsl).calendar();
            boolean open = cal.isOpen(date);
            List<TimeRange> hours = open ? r.clinicHours().on(date.getDayOfWeek()) : List.of();
            List<Appointment> appts = new AppointmentRepository(dsl).between(date, date);
            // A chair taken out of use still shows while it holds appointments that day (until they are re-flowed).
            return new DaySchedule(date, open, hours, r.chairs().stream().filter(c -> c.active() || appts.stream()
                    .anyMatch(a -> a.chairId() != null && a.chairId() == c.id() && a.status().live())).toList(), appts,
                    r.absences().stream().filter(a -> !date.isBefore(a.from()) && !date.isAfter(a.to())).toList(),
                    java.util.Map.of());
        });
    }

    /**
     * What each TMS booking of the day needs besides the session (MT due, scale due or overdue), by appointment id. Kept
     * out of {@link #day}: it follows every booked patient's courses, so the grid is drawn first and the flags follow.
     */
    public java.util.Map<Long, clinic.threshold.domain.schedule.SessionFlags> dayFlags(LocalDate date) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> DueFlags.of(dsl, new AppointmentRepository(dsl).between(date, date), LocalDate.now(clock)));
    }

    public List<Appointment> between(LocalDate from, LocalDate to) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> new AppointmentRepository(dsl).between(from, to));
    }

    /** What another workstation's change would alter in the days {@code from} to {@code to} (see {@link ChangeMark}). */
    public clinic.threshold.domain.schedule.ChangeMark changeMark(LocalDate from, LocalDate to) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> new AppointmentRepository(dsl).changeMark(from, to));
    }

    public List<Appointment> ofPatient(long patientId) {
        guard.require(Permission.PATIENT_READ, "schedule.read", patientId);
        return tx.read(dsl -> new AppointmentRepository(dsl).ofPatient(patientId));
    }

    /** Whether a booking could stand as proposed, with the nearest free alternatives when it cannot. */
    public BookingCheck check(Booking b) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> check(dsl, b));
    }

    private BookingCheck check(DSLContext dsl, Booking b) {
        ScheduleState state = ScheduleStates.load(dsl, b.day(), b.day());
        int interval = interval(dsl, b);
        List<Conflict> conflicts = ConflictChecker.check(b, state, interval);
        return new BookingCheck(conflicts, conflicts.isEmpty() ? List.of()
                : Alternatives.near(b, state, interval, STEP_MINUTES, ALTERNATIVES));
    }

    private static int interval(DSLContext dsl, Booking b) {
        if (b.courseId() == null) {
            return 0;
        }
        return new clinic.threshold.data.tms.TmsRepository(dsl).course(b.courseId())
                .map(c -> c.template().sessionsPerDay() > 1 ? c.template().minIntervalMinutes() : 0).orElse(0);
    }

    /** Moves or resizes an appointment (a drag); refused with the conflicts and alternatives, nothing saved. */
    public Appointment move(long id, int version, Long chairId, Long technicianId, LocalDate day, LocalTime start, int minutes) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.move", null);
        checkWhen(day, start, minutes);
        return Slots.guarded(() -> tx.inDurableTransaction(dsl -> {
            AppointmentRepository repo = new AppointmentRepository(dsl);
            Appointment a = repo.byId(id).orElseThrow(() -> new NotFoundException("Appointment", id));
            if (!a.status().live()) {
                throw new ValidationException(Violation.of("status", "schedule.error.notLive"));
            }
            Booking to;
            if (a.kind().usesChair()) {
                to = new Booking(a.id(), a.patientId(), a.courseId(), a.sessionNumber(), a.protocolCode(),
                        chairId == null ? a.chairId() : chairId, technicianId == null ? a.technicianId() : technicianId, day, start,
                        minutes);
                BookingCheck check = check(dsl, to);
                if (!check.ok()) {
                    throw new ScheduleConflictException(check);
                }
            } else {
                Appointment moved = withTime(a, day, start, minutes);
                List<Conflict> c = VisitChecker.check(moved, ScheduleStates.load(dsl, day, day), repo.between(day, day));
                if (!c.isEmpty()) {
                    throw new ScheduleConflictException(new BookingCheck(c, List.of()));
                }
                to = moved.booking();
            }
            if (!repo.move(id, version, to, s.username(), clock.instant())) {
                throw new ConcurrentEditException("Appointment", id);
            }
            ScheduleAudit.patient(guard, dsl, s, "schedule.move", a.patientId(), id, a.date() + " " + a.start() + " -> " + day + " "
                    + start + " (" + minutes + " min)");
            return repo.byId(id).orElseThrow();
        }));
    }

    /** Books one TMS session of a course by hand (the auto-scheduler books the whole course). */
    public long bookSession(long courseId, int sessionNumber, long chairId, long technicianId, LocalDate day, LocalTime start,
            int minutes) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.book", null);
        checkWhen(day, start, minutes);
        return Slots.guarded(() -> tx.inDurableTransaction(dsl -> {
            CourseFactsReader c = CourseFactsReader.read(dsl, courseId, today());
            Booking b = new Booking(0, c.course().patientId(), courseId, sessionNumber, c.course().protocolCode(), chairId, technicianId,
                    day, start, minutes);
            BookingCheck check = check(dsl, b);
            if (!check.ok()) {
                throw new ScheduleConflictException(check);
            }
            long id = new AppointmentRepository(dsl).insert(tmsAppointment(b), s.username(), clock.instant());
            ScheduleAudit.patient(guard, dsl, s, "schedule.book", b.patientId(), id, "TMS " + day + " " + start);
            return id;
        }));
    }

    /** Books a consultation, follow-up or MT-only visit with a clinician and a room. */
    public long bookVisit(long patientId, AppointmentKind kind, String clinician, String room, LocalDate day, LocalTime start,
            int minutes) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.book", patientId);
        List<Violation> problems = new ArrayList<>();
        if (kind == null || kind.usesChair()) {
            problems.add(Violation.of("kind", "schedule.error.visitKind"));
        }
        if (clinician == null || clinician.isBlank()) {
            problems.add(Violation.of("clinician", "validation.required"));
        }
        if (room == null || room.isBlank()) {
            problems.add(Violation.of("room", "validation.required"));
        }
        try {
            checkWhen(day, start, minutes);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inDurableTransaction(dsl -> {
            AppointmentRepository repo = new AppointmentRepository(dsl);
            Appointment v = new Appointment(0, 0, patientId, null, null, kind, null, null, null, null, null, null, null, null,
                    clinician.strip(), room.strip(), day, start, minutes, AppointmentStatus.BOOKED, null);
            List<Conflict> c = VisitChecker.check(v, ScheduleStates.load(dsl, day, day), repo.between(day, day));
            if (!c.isEmpty()) {
                throw new ScheduleConflictException(new BookingCheck(c, List.of()));
            }
            long id = repo.insert(v, s.username(), clock.instant());
            ScheduleAudit.patient(guard, dsl, s, "schedule.book", patientId, id, kind + " " + day + " " + start);
            return id;
        });
    }

    public void cancel(long id, int version, String reason) {
        setStatus(id, version, AppointmentStatus.CANCELLED, reason, "schedule.cancel");
    }

    /** The patient has arrived (front desk check-in). */
    public void arrive(long id, int version) {
        setStatus(id, version, AppointmentStatus.ARRIVED, null, "schedule.arrive");
    }

    private void setStatus(long id, int version, AppointmentStatus status, String reason, String action) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, action, null);
        String why = reason == null ? null : reason.strip();
        if (status == AppointmentStatus.CANCELLED && (why == null || why.isEmpty())) {
            throw new ValidationException(Violation.of("reason", "validation.required"));
        }
        if (why != null && why.length() > MAX_REASON) {
            throw new ValidationException(Violation.of("reason", "validation.tooLong", MAX_REASON));
        }
        tx.inDurableTransaction(dsl -> {
            AppointmentRepository repo = new AppointmentRepository(dsl);
            Appointment a = repo.byId(id).orElseThrow(() -> new NotFoundException("Appointment", id));
            if (!a.status().live()) {
                throw new ValidationException(Violation.of("status", "schedule.error.notLive"));
            }
            if (!repo.setStatus(id, version, status, why, s.username(), clock.instant())) {
                throw new ConcurrentEditException("Appointment", id);
            }
            ScheduleAudit.patient(guard, dsl, s, action, a.patientId(), id, status.name());
            return null;
        });
    }

    /**
     * What booking a course would do: its remaining plan placed at the preferred time (keeping what is already
     * booked where it still fits). Refused when the window lies outside the clinic's hours.
     */
    public CourseBookingPlan planCourse(long courseId, Preference preference) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        if (preference == null) {
            throw new ValidationException(Violation.of("window", "validation.required"));
        }
        return tx.read(dsl -> {
            ScheduleResources r = new ResourceRepository(dsl).load();
            if (r.clinicHours().days().values().stream().flatMap(List::stream)
                    .noneMatch(h -> !preference.earliest().isBefore(h.from()) && preference.earliest().isBefore(h.to()))) {
                throw new ValidationException(Violation.of("window", "schedule.error.windowOutsideHours", preference.earliest(),
                        preference.latest()));
            }
            if (!preference.days().isEmpty() && new TmsReferenceRepository(dsl).calendar().onlyOn(preference.days())
                    .openDays().stream().noneMatch(preference.days()::contains)) {
                throw new ValidationException(Violation.of("days", "schedule.error.noOpenPreferredDay"));
            }
            return CourseBooking.plan(dsl, scheduler, r, CourseFactsReader.read(dsl, courseId, today(), preference.days()),
                    preference, today());
        });
    }

    /**
     * Applies a plan shown to the scheduler. Each change is checked again against the schedule as it is now; if
     * anything was booked in between, nothing is saved and the scheduler is asked to preview again.
     */
    public void apply(CourseBookingPlan plan) {
        apply(List.of(plan));
    }

    /**
     * Applies several plans (a re-flow) in one transaction, in their order: all of them, or none when the schedule
     * changed under any.
     */
    public void apply(List<CourseBookingPlan> plans) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.course", null);
        Slots.guarded(() -> tx.inDurableTransaction(dsl -> {
            for (CourseBookingPlan plan : plans) {
                // The preference first: its weekdays shape the plan the bookings are checked against.
                if (plan.preference() != null) {
                    new WaitlistRepository(dsl).savePreference(plan.courseId(), plan.preference(), s.username(), clock.instant());
                }
                CourseBooking.apply(dsl, plan, today(), s.username(), clock.instant());
                Reflow.Result r = plan.result();
                ScheduleAudit.course(guard, dsl, s, plan.patientId(), plan.courseId(), "course "
                        + plan.courseId() + ": kept " + r.kept().size() + ", moved " + r.moved().size() + ", placed "
                        + r.placed().size() + ", cancelled " + r.cancelled().size());
            }
            return null;
        }));
    }

    /** Every booked course whose bookings no longer match its plan or the clinic's resources, with the re-flow. */
    public List<CourseBookingPlan> reflowNeeded() {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            // One schedule for all: each course is planned as if the ones before it were applied, in the order the
            // list is applied, so that two courses never count on the same freed slot.
            List<CourseFactsReader> courses = new ArrayList<>();
            LocalDate last = today();
            for (long courseId : new AppointmentRepository(dsl).coursesBookedFrom(today())) {
                CourseFactsReader c = CourseFactsReader.read(dsl, courseId, today());
                courses.add(c);
                last = c.lastDay(today()).isAfter(last) ? c.lastDay(today()) : last;
            }
            ScheduleState state = ScheduleStates.load(dsl, today(), last.plusWeeks(2));
            WaitlistRepository prefs = new WaitlistRepository(dsl);
            List<CourseBookingPlan> out = new ArrayList<>();
            for (CourseFactsReader c : courses) {
                CourseBookingPlan p = CourseBooking.plan(scheduler, state, c, prefs.preference(c.course().id()).orElse(null));
                if (p.result().changes()) {
                    out.add(p);
                    state = CourseBooking.after(state, c, p);
                }
            }
            return out;
        });
    }

    /** Active courses with sessions still to give and nothing booked: the scheduler's to-do list. */
    public List<CourseToBook> unbooked() {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            List<CourseToBook> out = new ArrayList<>();
            AppointmentRepository appts = new AppointmentRepository(dsl);
            for (var e : new clinic.threshold.data.tms.TmsRepository(dsl).activeCourses()) {
                if (!appts.liveOfCourse(e.getKey().id(), today()).isEmpty()) {
                    continue;
                }
                CourseFactsReader c = CourseFactsReader.read(dsl, e.getKey().id(), today());
                if (!c.plan().isEmpty()) {
                    out.add(new CourseToBook(c.course().id(), c.course().patientId(), e.getValue(), c.protocol().name(),
                            c.plan().size(), c.plan().get(0).date()));
                }
            }
            return out;
        });
    }

    /**
     * A time and length the calendar can hold: on the 5-minute grid the chair slots use, at least one slot and at
     * most 12 hours, not running past midnight, not in a day gone by.
     */
    private void checkWhen(LocalDate day, LocalTime start, int minutes) {
        List<Violation> problems = new ArrayList<>();
        if (day == null || start == null) {
            problems.add(Violation.of("when", "validation.required"));
        } else {
            if (day.isBefore(today())) {
                problems.add(Violation.of("when", "schedule.error.past"));
            }
            if (start.getSecond() != 0 || start.getNano() != 0 || start.getMinute() % AppointmentRepository.SLOT_MINUTES != 0) {
                problems.add(Violation.of("when", "schedule.error.grid", AppointmentRepository.SLOT_MINUTES));
            }
            if (ConflictChecker.crossesMidnight(start, minutes)) {
                problems.add(Violation.of("when", "schedule.conflict.pastMidnight", start));
            }
        }
        if (minutes < AppointmentRepository.SLOT_MINUTES || minutes > 12 * 60 || minutes % AppointmentRepository.SLOT_MINUTES != 0) {
            problems.add(Violation.of("minutes", "schedule.error.minutes", AppointmentRepository.SLOT_MINUTES));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static Appointment tmsAppointment(Booking b) {
        return new Appointment(0, 0, b.patientId(), null, null, AppointmentKind.TMS, b.courseId(), b.sessionNumber(), b.protocol(),
                null, b.chairId(), null, b.technicianId(), null, null, null, b.day(), b.start(), b.minutes(),
                AppointmentStatus.BOOKED, null);
    }

    static Appointment fromBooking(Booking b) {
        return tmsAppointment(b);
    }

    private static Appointment withTime(Appointment a, LocalDate day, LocalTime start, int minutes) {
        return new Appointment(a.id(), a.version(), a.patientId(), a.patientName(), a.mrn(), a.kind(), a.courseId(),
                a.sessionNumber(), a.protocolCode(), a.protocolName(), a.chairId(), a.chairName(), a.technicianId(),
                a.technicianName(), a.clinician(), a.room(), day, start, minutes, a.status(), a.statusReason());
    }
}
