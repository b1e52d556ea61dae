package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.ClinicCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What bookings are checked against: the clinic calendar and hours, the chairs, technicians and physicians'
 * on-site hours, and the bookings already made (for the days concerned).
 */
public record ScheduleState(ClinicCalendar calendar, WeeklyHours clinicHours, List<Chair> chairs,
        List<Technician> technicians, List<WeeklyHours> physicians, List<Booking> bookings, List<Absence> absences) {

    public ScheduleState {
        chairs = List.copyOf(chairs);
        technicians = List.copyOf(technicians);
        physicians = List.copyOf(physicians);
        bookings = List.copyOf(bookings);
        absences = List.copyOf(absences);
    }

    /** A schedule with no chair out of service and no technician away. */
    public ScheduleState(ClinicCalendar calendar, WeeklyHours clinicHours, List<Chair> chairs, List<Technician> technicians,
            List<WeeklyHours> physicians, List<Booking> bookings) {
        this(calendar, clinicHours, chairs, technicians, physicians, bookings, List.of());
    }

    public java.util.Optional<Absence> away(Absence.Kind kind, long resourceId, LocalDate day) {
        return absences.stream().filter(a -> a.covers(kind, resourceId, day)).findFirst();
    }

    public Optional<Chair> chair(long id) {
        return chairs.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Technician> technician(long id) {
        return technicians.stream().filter(t -> t.id() == id).findFirst();
    }

    public List<Booking> on(LocalDate day) {
        return bookings.stream().filter(b -> b.day().equals(day)).toList();
    }

    /** The same state with one more booking (the scheduler's proposals count against the next ones). */
    public ScheduleState with(Booking b) {
        List<Booking> more = new java.util.ArrayList<>(bookings);
        more.add(b);
        return new ScheduleState(calendar, clinicHours, chairs, technicians, physicians, more, absences);
    }

    /** The same state without the given bookings (a course's own, while it is re-flowed). */
    public ScheduleState without(java.util.Collection<Long> bookingIds) {
        return new ScheduleState(calendar, clinicHours, chairs, technicians, physicians,
                bookings.stream().filter(b -> !bookingIds.contains(b.id())).toList(), absences);
    }
}
