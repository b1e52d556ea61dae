package clinic.threshold.service.schedule;

import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.schedule.AppointmentRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AutoScheduler;
import clinic.threshold.domain.schedule.Booking;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseTracker;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.service.tms.PatientCourses;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A course as the scheduler needs it, read inside the use case's transaction: its slot lengths and interval, the
 * plan from today on (derived from its records, ADR 0015) and its live bookings from today on.
 */
record CourseFactsReader(Course course, String patientName, Protocol protocol, AutoScheduler.CourseFacts facts,
        List<PlannedSession> plan, List<Appointment> booked) {

    static CourseFactsReader read(DSLContext dsl, long courseId, LocalDate today) {
        return read(dsl, courseId, today, null);
    }

    /** @param days the weekdays to plan on instead of those saved for the course (a plan being previewed); null to keep */
    static CourseFactsReader read(DSLContext dsl, long courseId, LocalDate today, java.util.Set<java.time.DayOfWeek> days) {
        TmsRepository tms = new TmsRepository(dsl);
        Course c = tms.course(courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
        TmsReference ref = PatientCourses.reference(dsl, today);
        Protocol p = ref.protocol(c.protocolCode()).orElseThrow(() -> new NotFoundException("Protocol", c.protocolCode()));
        List<PlannedSession> plan = c.status() != CourseStatus.ACTIVE ? List.of()
                : CourseTracker.track(c, tms.sessions(c.id()), tms.decisions(c.id()),
                        ref.calendar().onlyOn(days != null ? days : tms.preferredDays(c.id())), ref.rules(), today).remaining();
        String name = new PatientRepository(dsl).findById(c.patientId()).map(x -> x.details().displayName()).orElse("?");
        LocalDate lastMt = tms.motorThresholds(c.patientId()).stream().map(clinic.threshold.domain.tms.MotorThreshold::measuredOn)
                .max(LocalDate::compareTo).orElse(null);
        var facts = new AutoScheduler.CourseFacts(c.patientId(), c.id(), c.protocolCode(), onGrid(p.slotMinutes()),
                onGrid(p.firstSlotMinutes()), c.template().sessionsPerDay() > 1 ? c.template().minIntervalMinutes() : 0,
                mtSessions(plan, lastMt, ref.rules()), onGrid(p.slotMinutes() + ref.rules().mtExtraSlotMinutes()));
        return new CourseFactsReader(c, name, p, facts, plan,
                new AppointmentRepository(dsl).liveOfCourse(courseId, today));
    }

    /**
     * The sessions at which the motor threshold will be due again, projected along the plan: the first session maps
     * it; after that, the first session of a day at least the rule's interval after the last determination.
     */
    static java.util.Set<Integer> mtSessions(List<PlannedSession> plan, LocalDate lastMt, clinic.threshold.domain.tms.TmsRules rules) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        LocalDate last = lastMt;
        for (PlannedSession s : plan) {
            if (s.number() == 1) {
                last = s.date();
            } else if (s.ofDay() == 1 && (last == null || java.time.temporal.ChronoUnit.DAYS.between(last, s.date())
                    >= rules.mtEveryDays())) {
                out.add(s.number());
                last = s.date();
            }
        }
        return out;
    }

    /** A slot length rounded up to whole chair slots (a 37-minute slot books 40): the slot key works in 5-minute rows. */
    static int onGrid(int minutes) {
        int grid = AppointmentRepository.SLOT_MINUTES;
        return (minutes + grid - 1) / grid * grid;
    }

    List<Booking> bookings() {
        return booked.stream().map(Appointment::booking).toList();
    }

    /** The last day the plan or the bookings reach (for loading the schedule around them). */
    LocalDate lastDay(LocalDate today) {
        LocalDate last = today;
        for (PlannedSession s : plan) {
            last = s.date().isAfter(last) ? s.date() : last;
        }
        for (Appointment a : booked) {
            last = a.date().isAfter(last) ? a.date() : last;
        }
        return last;
    }
}
