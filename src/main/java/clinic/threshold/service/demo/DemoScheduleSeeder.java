package clinic.threshold.service.demo;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.service.schedule.ScheduleService;
import clinic.threshold.service.schedule.ScheduleSetupService;
import clinic.threshold.service.schedule.WaitlistService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo clinic's chairs, technicians and physicians, every active course booked through the auto-scheduler at
 * a spread of preferred times, a waitlist, and a technician away next week so that the re-flow list has work.
 */
public final class DemoScheduleSeeder {
    private static final List<Preference> WINDOWS = List.of(
            new Preference(LocalTime.of(7, 0), LocalTime.of(9, 0), null),
            new Preference(LocalTime.of(9, 0), LocalTime.of(12, 0), null),
            new Preference(LocalTime.of(12, 0), LocalTime.of(15, 0), null),
            new Preference(LocalTime.of(15, 0), LocalTime.of(18, 0), null));

    private final ScheduleSetupService setup;
    private final ScheduleService schedule;
    private final WaitlistService waitlist;

    public DemoScheduleSeeder(ScheduleSetupService setup, ScheduleService schedule, WaitlistService waitlist) {
        this.setup = setup;
        this.schedule = schedule;
        this.waitlist = waitlist;
    }

    /**
     * Returns how many appointments it booked. On a floor the synthetic clinic already laid out, the curated
     * courses are booked onto its chairs; otherwise the demo's own floor is set up first.
     */
    public int seed(List<Long> patients) {
        List<clinic.threshold.domain.schedule.Technician> existing = setup.resources().technicians();
        long away = existing.isEmpty() ? floor() : existing.get(existing.size() - 1).id();
        int booked = 0;
        int i = 0;
        for (clinic.threshold.domain.schedule.CourseToBook c : schedule.unbooked()) {
            CourseBookingPlan plan = schedule.planCourse(c.courseId(), WINDOWS.get(i++ % WINDOWS.size()));
            schedule.apply(plan);
            booked += plan.result().placed().size();
        }
        int waiting = 0;
        for (long p : patients) {
            if (waiting < 3 && schedule.ofPatient(p).isEmpty()) {
                waitlist.add(p, "TENHZ", WINDOWS.get(waiting++), null);
            }
        }
        LocalDate nextMonday = schedule.today().plusWeeks(1).with(DayOfWeek.MONDAY);
        setup.addAbsence(Absence.Kind.TECHNICIAN, away, nextMonday, nextMonday, "Training course");
        return booked;
    }

    /** Four chairs, three technicians and two physicians; returns the technician who will be away. */
    private long floor() {
        Set<String> standard = Set.of("TENHZ", "DASH", "ITBS");
        long c1 = chair("Chair 1", "FIG8", "Figure-8", Set.of("TENHZ", "DASH", "ITBS", "ACC_ITBS"));
        long c2 = chair("Chair 2", "FIG8", "Figure-8", standard);
        long c3 = chair("Chair 3", "FIG8", "Figure-8", standard);
        long c4 = chair("Chair 4 (H-coil)", "H1", "H1", Set.of("DTMS_H1"));
        Set<Long> all = Set.of(c1, c2, c3, c4);
        Set<String> every = Set.of("TENHZ", "DASH", "ITBS", "ACC_ITBS", "DTMS_H1");
        long alex = technician("Alex Rivera", all, every, hours(7, 15));
        technician("Sam Chen", all, every, hours(11, 19));
        technician("Jordan Patel", Set.of(c1, c2, c3), standard, hours(7, 19));
        physician("Dr. Morgan Lee", hours(7, 13));
        physician("Dr. Priya Shah", hours(13, 19));
        return alex;
    }

    private long chair(String name, String device, String coil, Set<String> protocols) {
        return setup.saveChair(new ScheduleSetupService.ChairForm(0, 0, name, device, coil, protocols, null, true));
    }

    private long technician(String name, Set<Long> chairs, Set<String> protocols, List<HoursRow> hours) {
        return setup.saveTechnician(new ScheduleSetupService.TechnicianForm(0, 0, name, null, 1, chairs, protocols, hours, true));
    }

    private void physician(String name, List<HoursRow> hours) {
        setup.savePhysician(new ScheduleSetupService.PhysicianForm(0, 0, name, null, hours, true));
    }

    private static List<HoursRow> hours(int from, int to) {
        List<HoursRow> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= DayOfWeek.FRIDAY.getValue()) {
                out.add(new HoursRow(d, LocalTime.of(from, 0), LocalTime.of(to, 0)));
            }
        }
        return out;
    }
}
