package clinic.threshold.domain.schedule;

import java.time.LocalDate;
import java.util.List;

/** One day of the calendar: whether the clinic is open and when, the chairs, and every appointment that day. */
public record DaySchedule(LocalDate date, boolean open, List<TimeRange> hours, List<Chair> chairs,
        List<Appointment> appointments, List<Absence> absences) {

    public DaySchedule {
        hours = List.copyOf(hours);
        chairs = List.copyOf(chairs);
        appointments = List.copyOf(appointments);
        absences = List.copyOf(absences);
    }
}
