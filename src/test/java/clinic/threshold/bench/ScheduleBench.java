package clinic.threshold.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.schedule.Capacity;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.schedule.ScheduleSetupService;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's scheduling targets on a real (embedded) database, run by {@code ./mvnw -B -Pbench verify}: a clinic with
 * 6 chairs and 5 technicians, about 12 weeks of bookings from 36-session courses starting over four weeks, about
 * 80% of chair time at the peak; then auto-scheduling one more course (target under 200 ms), the re-flow after a closure (under 1 s for
 * about 100 moved sessions) and the day view of 6 chairs (under 50 ms). Figures go to target/bench/schedule.txt.
 */
class ScheduleBench {
    private static final LocalDate MONDAY = TestClinic.TODAY.plusDays(3);
    /** Courses start on the next four Mondays (a screening counts for 30 days), about 17 a week. */
    private static final int WEEKS_OF_STARTS = 4;
    private static final int STARTS_PER_WEEK = 17;

    @TempDir
    Path dir;

    @Test
    void schedulingTargets() throws Exception {
        List<String> report = new ArrayList<>();
        try (var c = TestClinic.open(dir)) {
            long setup0 = System.nanoTime();
            clinic(c);
            int courses = 0;
            for (int w = 0; w < WEEKS_OF_STARTS; w++) {
                for (int i = 0; i < STARTS_PER_WEEK; i++) {
                    long[] pc = ScheduleFixture.patientWithCourse(c, "P" + w + "x" + i, "Bench", MONDAY.plusWeeks(w));
                    int hour = 7 + (courses * 5) % 11;
                    CourseBookingPlan plan = c.schedule().planCourse(pc[1], new Preference(LocalTime.of(hour, 0),
                            LocalTime.of(Math.min(18, hour + 3), 0), null));
                    c.schedule().apply(plan);
                    courses++;
                }
            }
            LocalDate busy = MONDAY.plusWeeks(4).plusDays(2);
            int booked = c.schedule().between(MONDAY, MONDAY.plusWeeks(12)).size();
            report.add(String.format("setup: %d courses, %d bookings over 12 weeks, built in %.1f s", courses, booked,
                    (System.nanoTime() - setup0) / 1e9));
            report.add(utilisation(c, busy));

            long[] extra = ScheduleFixture.patientWithCourse(c, "New", "Bench", MONDAY.plusWeeks(3));
            Preference pref = new Preference(LocalTime.of(8, 0), LocalTime.of(17, 0), null);
            double[] plan = BenchTimer.time(10, 30, () -> c.schedule().planCourse(extra[1], pref));
            CourseBookingPlan p = c.schedule().planCourse(extra[1], pref);
            report.add(String.format("auto-schedule a 36-session course: p50 %.1f ms, p95 %.1f ms (placed %d, unplaced %d)",
                    plan[0], plan[1], p.result().placed().size(), p.result().unplaced().size()));

            double[] day = BenchTimer.time(10, 50, () -> c.schedule().day(busy));
            report.add(String.format("day view, 6 chairs, %d appointments: p50 %.1f ms, p95 %.1f ms",
                    c.schedule().day(busy).appointments().size(), day[0], day[1]));

            c.calendar().addClosure(busy, false, "Bench closure");
            long r0 = System.nanoTime();
            List<CourseBookingPlan> plans = c.schedule().reflowNeeded();
            double preview = (System.nanoTime() - r0) / 1e6;
            int moved = plans.stream().mapToInt(x -> x.result().moved().size() + x.result().placed().size()).sum();
            long a0 = System.nanoTime();
            c.schedule().apply(plans);
            double apply = (System.nanoTime() - a0) / 1e6;
            report.add(String.format("re-flow after a closure: %d courses, %d sessions moved; preview %.0f ms, apply %.0f ms",
                    plans.size(), moved, preview, apply));

            Files.createDirectories(Path.of("target/bench"));
            Files.write(Path.of("target/bench/schedule.txt"), report);
            report.forEach(System.out::println);
            assertTrue(plan[1] < 200, "auto-schedule p95 under 200 ms: " + plan[1]);
            assertTrue(day[1] < 50, "day view p95 under 50 ms: " + day[1]);
            assertTrue(moved >= 60, "the closure moved a realistic number of sessions: " + moved);
            assertTrue(preview + apply < 1000 * Math.max(1, moved / 100.0), "re-flow under 1 s per 100 moved sessions: "
                    + (preview + apply));
        }
    }

    private static void clinic(ClinicServices c) {
        Set<Long> chairs = new HashSet<>();
        for (int i = 1; i <= 6; i++) {
            chairs.add(c.scheduleSetup().saveChair(new ScheduleSetupService.ChairForm(0, 0, "Chair " + i, "FIG8", "Figure-8",
                    Set.of("TENHZ"), null, true)));
        }
        for (int i = 1; i <= 5; i++) {
            c.scheduleSetup().saveTechnician(new ScheduleSetupService.TechnicianForm(0, 0, "Tech " + i, null, 2, chairs,
                    Set.of("TENHZ"), ScheduleFixture.weekdays(7, 19), true));
        }
        c.scheduleSetup().savePhysician(new ScheduleSetupService.PhysicianForm(0, 0, "Dr. Bench", null,
                ScheduleFixture.weekdays(7, 19), true));
    }

    private static String utilisation(ClinicServices c, LocalDate busy) {
        List<Capacity.ChairDay> week = c.waitlist().capacity(busy.minusDays(2), busy.plusDays(2));
        int available = week.stream().mapToInt(Capacity.ChairDay::availableMinutes).sum();
        int booked = week.stream().mapToInt(Capacity.ChairDay::bookedMinutes).sum();
        return String.format("week of the closure: %d of %d chair minutes booked (%d%%)", booked, available,
                available == 0 ? 0 : booked * 100 / available);
    }
}
