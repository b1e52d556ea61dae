package clinic.threshold.service.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.user.Role;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closures and open days set by an administrator move every course plan; others may only read them. */
class ClinicCalendarServiceIT {
    @TempDir
    Path dir;

    @Test
    void closuresAndOpenDaysMoveTheRemainingPlan() {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Cal", "Endar", LocalDate.of(1980, 1, 1), null)).id();
            c.tms().screen(p, TestClinic.TODAY, c.tms().reference().screeningForm().stream()
                    .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
            LocalDate monday = LocalDate.of(2026, 11, 30);
            c.tms().startCourse(p, new CourseRequest("TENHZ", CourseType.INITIAL, monday, "MDD", 36, Authorization.NONE));
            assertEquals(monday, c.tms().overview(p).active().progress().next().date());

            c.calendar().addClosure(monday, false, "Staff training");
            assertEquals(monday.plusDays(1), c.tms().overview(p).active().progress().next().date());
            assertEquals("tms.error.startClosed", assertThrows(ValidationException.class, () -> c.tms().preview(p,
                    new CourseRequest("TENHZ", CourseType.INITIAL, monday, "MDD", 36, Authorization.NONE)))
                    .violations().get(0).messageKey());
            assertEquals("settings.calendar.error.duplicate", assertThrows(ValidationException.class,
                    () -> c.calendar().addClosure(monday, false, "again")).violations().get(0).messageKey());

            c.calendar().addClosure(LocalDate.of(2020, 12, 25), true, "Christmas");
            var plan = c.tms().overview(p).active().progress().remaining();
            assertTrue(plan.stream().noneMatch(s -> s.date().equals(LocalDate.of(2026, 12, 25))), "a yearly holiday");

            c.calendar().setOpenDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY));
            assertTrue(c.tms().overview(p).active().progress().remaining().stream()
                    .noneMatch(s -> s.date().getDayOfWeek() == DayOfWeek.FRIDAY), "Fridays closed");
            assertThrows(ValidationException.class, () -> c.calendar().setOpenDays(Set.of()));

            var training = c.calendar().setup().closures().stream().filter(x -> x.label().equals("Staff training"))
                    .findFirst().orElseThrow();
            c.calendar().removeClosure(training);
            assertEquals(monday, c.tms().overview(p).active().progress().next().date(), "reopened");
            assertEquals(1, c.calendar().setup().closures().size());
        }
    }

    @Test
    void onlyAdministratorsChangeTheCalendar() {
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "sched", Set.of(Role.SCHEDULER));
        }
        try (var s = TestClinic.signIn(dir, "sched", TestClinic.PASSWORD)) {
            assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), s.calendar().setup().openDays());
            assertThrows(AccessDeniedException.class, () -> s.calendar().addClosure(LocalDate.of(2026, 12, 24), false, "Eve"));
        }
    }
}
