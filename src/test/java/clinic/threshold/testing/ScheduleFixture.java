package clinic.threshold.testing;

import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.schedule.ScheduleSetupService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A small TMS clinic for scheduling tests: two chairs, two technicians, a physician all day, patients with courses. */
public final class ScheduleFixture {
    private ScheduleFixture() {
    }

    /** Chair 1 and Chair 2 for 10 Hz, Kim and Lee on both 07:00-19:00, Dr. Osei on site 07:00-19:00; returns {c1, c2, kim}. */
    public static long[] setUp(ClinicServices c) {
        long c1 = c.scheduleSetup().saveChair(new ScheduleSetupService.ChairForm(0, 0, "Chair 1", "FIG8", "Figure-8",
                Set.of("TENHZ"), null, true));
        long c2 = c.scheduleSetup().saveChair(new ScheduleSetupService.ChairForm(0, 0, "Chair 2", "FIG8", "Figure-8",
                Set.of("TENHZ"), null, true));
        long t1 = c.scheduleSetup().saveTechnician(new ScheduleSetupService.TechnicianForm(0, 0, "Kim", null, 1, Set.of(c1, c2),
                Set.of("TENHZ"), weekdays(7, 19), true));
        c.scheduleSetup().saveTechnician(new ScheduleSetupService.TechnicianForm(0, 0, "Lee", null, 1, Set.of(c1, c2),
                Set.of("TENHZ"), weekdays(7, 19), true));
        c.scheduleSetup().savePhysician(new ScheduleSetupService.PhysicianForm(0, 0, "Dr. Osei", null, weekdays(7, 19), true));
        return new long[] {c1, c2, t1};
    }

    public static List<HoursRow> weekdays(int from, int to) {
        List<HoursRow> out = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= 5) {
                out.add(new HoursRow(d, LocalTime.of(from, 0), LocalTime.of(to, 0)));
            }
        }
        return out;
    }

    /** A screened patient with a 36-session 10 Hz course from {@code start}; returns {patient, course}. */
    public static long[] patientWithCourse(ClinicServices c, String given, String family, LocalDate start) {
        long p = c.patients().create(TestClinic.person(given, family, LocalDate.of(1980, 3, 3), "555-0100")).id();
        c.tms().screen(p, TestClinic.TODAY, c.tms().reference().screeningForm().stream()
                .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
        long course = c.tms().startCourse(p, new CourseRequest("TENHZ", CourseType.INITIAL, start,
                "Major depressive disorder, recurrent, severe", 36, new Authorization("Aetna", "PA-1", 36, start, start.plusWeeks(10))));
        return new long[] {p, course};
    }
}
