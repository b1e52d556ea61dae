package clinic.threshold.domain.schedule;

import clinic.threshold.domain.tms.ClinicCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What bookings are checked against: the clinic calendar and hours, the chairs, technicians and physicians'
 * on-site hours, chairs out of service and technicians away, and the bookings already made (for the days
 * concerned), kept by day: a check reads one day, and adding a proposal copies only that day's list.
 */
public final class ScheduleState {
    private final ClinicCalendar calendar;
    private final WeeklyHours clinicHours;
    private final List<Chair> chairs;
    private final List<Technician> technicians;
    private final List<WeeklyHours> physicians;
    private final Map<LocalDate, List<Booking>> byDay;
    private final List<Absence> absences;

    public ScheduleState(ClinicCalendar calendar, WeeklyHours clinicHours, List<Chair> chairs, List<Technician> technicians,
            List<WeeklyHours> physicians, List<Booking> bookings, List<Absence> absences) {
        this(calendar, clinicHours, List.copyOf(chairs), List.copyOf(technicians), List.copyOf(physicians), index(bookings),
                List.copyOf(absences));
    }

    /** A schedule with no chair out of service and no technician away. */
    public ScheduleState(ClinicCalendar calendar, WeeklyHours clinicHours, List<Chair> chairs, List<Technician> technicians,
            List<WeeklyHours> physicians, List<Booking> bookings) {
        this(calendar, clinicHours, chairs, technicians, physicians, bookings, List.of());
    }

    private ScheduleState(ClinicCalendar calendar, WeeklyHours clinicHours, List<Chair> chairs, List<Technician> technicians,
            List<WeeklyHours> physicians, Map<LocalDate, List<Booking>> byDay, List<Absence> absences) {
        this.calendar = calendar;
        this.clinicHours = clinicHours;
        this.chairs = chairs;
        this.technicians = technicians;
        this.physicians = physicians;
        this.byDay = byDay;
        this.absences = absences;
    }

    private static Map<LocalDate, List<Booking>> index(List<Booking> bookings) {
        Map<LocalDate, List<Booking>> m = new HashMap<>();
        for (Booking b : bookings) {
            m.computeIfAbsent(b.day(), d -> new ArrayList<>()).add(b);
        }
        m.replaceAll((d, l) -> List.copyOf(l));
        return m;
    }

    public ClinicCalendar calendar() {
        return calendar;
    }

    public WeeklyHours clinicHours() {
        return clinicHours;
    }

    public List<Chair> chairs() {
        return chairs;
    }

    public List<Technician> technicians() {
        return technicians;
    }

    public List<WeeklyHours> physicians() {
        return physicians;
    }

    public List<Absence> absences() {
        return absences;
    }

    /** Every booking, day by day (in no particular order of days). */
    public List<Booking> bookings() {
        List<Booking> all = new ArrayList<>();
        byDay.values().forEach(all::addAll);
        return all;
    }

    public Optional<Absence> away(Absence.Kind kind, long resourceId, LocalDate day) {
        return absences.stream().filter(a -> a.covers(kind, resourceId, day)).findFirst();
    }

    public Optional<Chair> chair(long id) {
        return chairs.stream().filter(c -> c.id() == id).findFirst();
    }

    public Optional<Technician> technician(long id) {
        return technicians.stream().filter(t -> t.id() == id).findFirst();
    }

    public List<Booking> on(LocalDate day) {
        return byDay.getOrDefault(day, List.of());
    }

    /** The same state with one more booking (the scheduler's proposals count against the next ones). */
    public ScheduleState with(Booking b) {
        Map<LocalDate, List<Booking>> m = new HashMap<>(byDay);
        List<Booking> day = new ArrayList<>(on(b.day()));
        day.add(b);
        m.put(b.day(), List.copyOf(day));
        return new ScheduleState(calendar, clinicHours, chairs, technicians, physicians, m, absences);
    }

    /** The same state with more bookings. */
    public ScheduleState withAll(Collection<Booking> more) {
        ScheduleState s = this;
        for (Booking b : more) {
            s = s.with(b);
        }
        return s;
    }

    /** The same state without the given bookings (a course's own, while it is re-flowed). */
    public ScheduleState without(Collection<Long> bookingIds) {
        Set<Long> ids = new HashSet<>(bookingIds);
        Map<LocalDate, List<Booking>> m = new HashMap<>(byDay);
        m.replaceAll((d, l) -> l.stream().anyMatch(b -> ids.contains(b.id()))
                ? l.stream().filter(b -> !ids.contains(b.id())).toList() : l);
        return new ScheduleState(calendar, clinicHours, chairs, technicians, physicians, m, absences);
    }
}
