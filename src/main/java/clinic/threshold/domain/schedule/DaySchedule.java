package clinic.threshold.domain.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of the calendar: whether the clinic is open and when, the chairs, every appointment that day, and what
 * each TMS booking needs besides the session (by appointment id; a booking without flags is absent).
 */
public record DaySchedule(LocalDate date, boolean open, List<TimeRange> hours, List<Chair> chairs,
        List<Appointment> appointments, List<Absence> absences, java.util.Map<Long, SessionFlags> flags) {

    public DaySchedule {
        hours = List.copyOf(hours);
        chairs = List.copyOf(chairs);
        appointments = List.copyOf(appointments);
        absences = List.copyOf(absences);
        flags = java.util.Map.copyOf(flags);
    }

    /** The same day with the bookings' flags, which are read after the day itself. */
    public DaySchedule withFlags(java.util.Map<Long, SessionFlags> flags) {
        return new DaySchedule(date, open, hours, chairs, appointments, absences, flags);
    }
}
