package clinic.threshold.service.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.AppointmentKind;
import clinic.threshold.domain.schedule.AppointmentStatus;
import clinic.threshold.domain.schedule.Conflict;
import clinic.threshold.domain.schedule.CourseBookingPlan;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.ScheduleConflictException;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Booking on a real clinic: whole courses, refused drags, re-flow after a closure or a miss, bad input. */
class ScheduleServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;
    static final Preference EIGHT_TO_NINE = new Preference(LocalTime.of(8, 0), LocalTime.of(9, 0), null);

    @TempDir
    Path dir;

    static long[] setUp(ClinicServices c) {
        return ScheduleFixture.setUp(c);
    }

    static long[] patientWithCourse(ClinicServices c, String family, LocalDate start) {
        return ScheduleFixture.patientWithCourse(c, "Ana", family, start);
    }

    static List<Appointment> live(ClinicServices c, long patient) {
        return c.schedule().ofPatient(patient).stream().filter(a -> a.status().live()).toList();
    }

    @Test
    void aWholeCourseIsBookedAtThePreferredTimeOnOneChair() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Whole", TODAY.plusDays(3));
            assertEquals(1, c.schedule().unbooked().size(), "the new course waits to be booked");
            CourseBookingPlan plan = c.schedule().planCourse(pc[1], EIGHT_TO_NINE);
            assertEquals(36, plan.result().placed().size());
            assertTrue(plan.result().unplaced().isEmpty());
            assertEquals(0, live(c, pc[0]).size(), "a plan saves nothing");
            c.schedule().apply(plan);
            List<Appointment> booked = live(c, pc[0]);
            assertEquals(36, booked.size());
            assertTrue(booked.stream().allMatch(a -> a.start().equals(LocalTime.of(8, 0))), "the same time every day");
            assertEquals(1, booked.stream().map(Appointment::chairId).distinct().count(), "on one chair");
            assertTrue(booked.get(0).minutes() > booked.get(1).minutes(), "the first session has the longer slot");
            // The weekly re-determination (mt.everyDays 7) falls on the next Monday, session 6: 50 + 10 minutes.
            assertEquals(List.of(6, 11, 16, 21, 26), booked.stream().filter(a -> a.minutes() == 60).map(Appointment::sessionNumber)
                    .limit(5).toList());
            assertEquals(50, booked.get(1).minutes());
            assertEquals(List.of(), c.schedule().unbooked());
            assertEquals(List.of(), c.schedule().reflowNeeded(), "nothing to re-flow");
        }
    }

    @Test
    void aSecondCourseAtTheSameTimeTakesTheOtherChairAndADragOntoTheFirstIsRefused() {
        try (var c = TestClinic.open(dir)) {
            long[] ids = setUp(c);
            long[] a = patientWithCourse(c, "First", TODAY.plusDays(3));
            long[] b = patientWithCourse(c, "Second", TODAY.plusDays(3));
            c.schedule().apply(c.schedule().planCourse(a[1], EIGHT_TO_NINE));
            c.schedule().apply(c.schedule().planCourse(b[1], EIGHT_TO_NINE));
            Appointment first = live(c, a[0]).get(1);
            Appointment second = live(c, b[0]).get(1);
            assertEquals(first.start(), second.start(), "both at 08:00");
            assertTrue(!first.chairId().equals(second.chairId()), "on different chairs");

            ScheduleConflictException e = assertThrows(ScheduleConflictException.class, () -> c.schedule().move(second.id(),
                    second.version(), first.chairId(), second.technicianId(), second.date(), second.start(), second.minutes()));
            Conflict busy = e.check().conflicts().stream().filter(x -> x.kind() == Conflict.Kind.CHAIR_BUSY).findFirst().orElseThrow();
            assertEquals(List.of(first.chairName(), first.start(), first.end()), busy.args());
            assertFalse(e.check().alternatives().isEmpty(), "the nearest free alternatives are offered");
            assertEquals(second.chairId(), c.schedule().ofPatient(b[0]).stream().filter(x -> x.id() == second.id()).findFirst()
                    .orElseThrow().chairId(), "nothing moved");

            Appointment moved = c.schedule().move(second.id(), second.version(), second.chairId(), second.technicianId(),
                    second.date(), LocalTime.of(10, 0), second.minutes());
            assertEquals(LocalTime.of(10, 0), moved.start());
            LocalDate saturday = TODAY.plusDays(8);
            ScheduleConflictException closed = assertThrows(ScheduleConflictException.class, () -> c.schedule().move(moved.id(),
                    moved.version(), moved.chairId(), moved.technicianId(), saturday, moved.start(), moved.minutes()));
            assertEquals(Conflict.Kind.CLINIC_CLOSED, closed.check().conflicts().get(0).kind());
            assertTrue(ids.length == 3);
        }
    }

    @Test
    void aClosureIsReflowedMovingOnlyTheBookingsOnDaysNoLongerPlanned() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Closure", TODAY.plusDays(3));
            c.schedule().apply(c.schedule().planCourse(pc[1], EIGHT_TO_NINE));
            LocalDate wednesday = TODAY.plusDays(5);
            c.calendar().addClosure(wednesday, false, "Burst pipe");
            List<CourseBookingPlan> plans = c.schedule().reflowNeeded();
            assertEquals(1, plans.size());
            var r = plans.get(0).result();
            assertEquals(wednesday, r.moved().get(0).from().day(), "Wednesday's booking moves first");
            assertTrue(r.moved().size() < 10, "only a handful moves: " + r.moved().size());
            assertEquals(36, r.kept().size() + r.moved().size());
            c.schedule().apply(plans.get(0));
            List<Appointment> booked = live(c, pc[0]);
            assertEquals(36, booked.size());
            assertTrue(booked.stream().noneMatch(a -> a.date().equals(wednesday)));
            assertTrue(booked.stream().allMatch(a -> a.start().equals(LocalTime.of(8, 0))), "still at 08:00");
            assertEquals(List.of(), c.schedule().reflowNeeded());
            assertEquals("schedule.error.planStale", assertThrows(ValidationException.class, () -> c.schedule().apply(plans.get(0)))
                    .violations().get(0).messageKey(), "an old plan is not applied twice");
        }
    }

    @Test
    void aMissShowsOnTheCalendarAndTheCourseGainsADayAtItsEnd() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Missed", TODAY);
            c.schedule().apply(c.schedule().planCourse(pc[1], new Preference(LocalTime.of(15, 0), LocalTime.of(16, 0), null)));
            c.tms().recordMiss(pc[0], pc[1], SessionStatus.MISSED, TODAY, "Flat tyre");
            Appointment today = c.schedule().ofPatient(pc[0]).stream().filter(a -> a.date().equals(TODAY)).findFirst().orElseThrow();
            assertEquals(AppointmentStatus.MISSED, today.status(), "read from the session record");
            List<CourseBookingPlan> plans = c.schedule().reflowNeeded();
            assertEquals(1, plans.size());
            assertEquals(1, plans.get(0).result().placed().size(), "one session added at the end");
            assertTrue(plans.get(0).result().moved().size() <= 6, "the taper days may shift: " + plans.get(0).result().moved());
            c.schedule().apply(plans.get(0));
            assertEquals(36, live(c, pc[0]).stream().filter(a -> a.date().isAfter(TODAY)).count());
        }
    }

    @Test
    void aChairSlotTakenByAnotherWorkstationRefusesTheBookingAndSavesNothing() {
        try (var c = TestClinic.open(dir)) {
            long[] ids = setUp(c);
            long[] pc = patientWithCourse(c, "Race", TODAY.plusDays(3));
            c.schedule().apply(c.schedule().planCourse(pc[1], EIGHT_TO_NINE));
            Appointment any = live(c, pc[0]).get(5);
            LocalDate day = any.date();
            // Another workstation's slot row, written between this one's check and its write.
            TestClinic.sql(dir, "INSERT INTO chair_slot (chair_id, slot_at, appointment_id) VALUES (" + ids[1] + ", TIMESTAMP '"
                    + day + " 11:00:00', " + any.id() + ")");
            int before = c.schedule().between(day, day).size();
            ValidationException e = assertThrows(ValidationException.class, () -> c.schedule().bookSession(pc[1], 6, ids[1], ids[2],
                    day, LocalTime.of(11, 0), 45));
            assertEquals("schedule.error.slotTaken", e.violations().get(0).messageKey());
            assertEquals(before, c.schedule().between(day, day).size(), "nothing half-saved");
        }
    }

    @Test
    void badSetUpAndBookingInputIsRefusedInWords() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            assertEquals("schedule.error.chairWithoutProtocol", key(() -> c.scheduleSetup().saveChair(
                    new ScheduleSetupService.ChairForm(0, 0, "Chair 9", "FIG8", "Figure-8", Set.of(), null, true))));
            assertEquals("schedule.error.hoursOrder", key(() -> c.scheduleSetup().setClinicHours(List.of(
                    new HoursRow(DayOfWeek.MONDAY, LocalTime.of(17, 0), LocalTime.of(9, 0))))));
            assertEquals("schedule.error.hoursOverlap", key(() -> c.scheduleSetup().setClinicHours(List.of(
                    new HoursRow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new HoursRow(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(15, 0))))));
            assertEquals("schedule.error.nameTaken", key(() -> c.scheduleSetup().saveChair(
                    new ScheduleSetupService.ChairForm(0, 0, "chair 1", "FIG8", "Figure-8", Set.of("TENHZ"), null, true))));
            assertEquals(2, c.scheduleSetup().resources().chairs().size(), "nothing saved");
            long[] pc = patientWithCourse(c, "Window", TODAY.plusDays(3));
            assertEquals("schedule.error.windowOutsideHours", key(() -> c.schedule().planCourse(pc[1],
                    new Preference(LocalTime.of(5, 0), LocalTime.of(6, 0), null))));
            long kim = c.scheduleSetup().resources().technicians().get(0).id();
            c.scheduleSetup().addAbsence(Absence.Kind.TECHNICIAN, kim, TODAY.plusDays(3), TODAY.plusDays(4), "Course");
            assertEquals("schedule.error.absenceOverlap", key(() -> c.scheduleSetup().addAbsence(Absence.Kind.TECHNICIAN, kim,
                    TODAY.plusDays(4), TODAY.plusDays(6), "Leave")));
            assertEquals("schedule.error.absenceOrder", key(() -> c.scheduleSetup().addAbsence(Absence.Kind.TECHNICIAN, kim,
                    TODAY.plusDays(9), TODAY.plusDays(8), "Leave")));
            assertEquals("schedule.error.visitKind", key(() -> c.schedule().bookVisit(pc[0], AppointmentKind.TMS, "dr.osei", "Room 1",
                    TODAY.plusDays(3), LocalTime.of(9, 0), 30)));
        }
    }

    @Test
    void visitsBookAClinicianAndARoomAndRefuseADoubleBooking() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long p = c.patients().create(TestClinic.person("Vic", "Visit", LocalDate.of(1970, 1, 1), null)).id();
            long q = c.patients().create(TestClinic.person("Val", "Other", LocalDate.of(1971, 1, 1), null)).id();
            LocalDate monday = TODAY.plusDays(3);
            c.schedule().bookVisit(p, AppointmentKind.CONSULT, "dr.osei", "Room 1", monday, LocalTime.of(9, 0), 60);
            ScheduleConflictException e = assertThrows(ScheduleConflictException.class, () -> c.schedule().bookVisit(q,
                    AppointmentKind.FOLLOW_UP, "dr.osei", "Room 2", monday, LocalTime.of(9, 30), 30));
            assertEquals(Conflict.Kind.CLINICIAN_BUSY, e.check().conflicts().get(0).kind());
            c.schedule().bookVisit(q, AppointmentKind.MT_ONLY, "dr.ames", "Room 2", monday, LocalTime.of(9, 30), 30);
            assertEquals(2, c.schedule().between(monday, monday).size());
        }
    }

    static String key(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ValidationException.class, call).violations().get(0).messageKey();
    }

    @Test
    void aClosureReflowsSeveralCoursesTogetherOrNotAtAll() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            List<long[]> courses = new java.util.ArrayList<>();
            for (String family : List.of("One", "Two", "Three", "Four")) {
                long[] pc = patientWithCourse(c, family, TODAY.plusDays(3));
                c.schedule().apply(c.schedule().planCourse(pc[1], EIGHT_TO_NINE));
                courses.add(pc);
            }
            LocalDate wednesday = TODAY.plusDays(5);
            c.calendar().addClosure(wednesday, false, "Power cut");
            List<CourseBookingPlan> plans = c.schedule().reflowNeeded();
            assertEquals(4, plans.size(), "every course with a booking that day");
            // Another workstation books one of the slots the last plan counts on: the whole re-flow is refused.
            var lastMove = plans.get(3).result().moved().get(0).to();
            long[] intruder = patientWithCourse(c, "Intruder", TODAY.plusDays(3));
            int before = c.schedule().between(TODAY, TODAY.plusWeeks(12)).size();
            c.schedule().bookSession(intruder[1], 1, lastMove.chairId(), lastMove.technicianId(), lastMove.day(), lastMove.start(), 50);
            assertThrows(ValidationException.class, () -> c.schedule().apply(plans));
            for (long[] pc : courses) {
                assertTrue(live(c, pc[0]).stream().anyMatch(a -> a.date().equals(wednesday)), "nothing of the re-flow was saved");
            }
            assertEquals(before + 1, c.schedule().between(TODAY, TODAY.plusWeeks(12)).size());
            c.schedule().apply(c.schedule().reflowNeeded());
            // What stays listed only has sessions that found no place (two chairs for four courses at 08:00).
            assertTrue(c.schedule().reflowNeeded().stream().allMatch(p -> p.result().moved().isEmpty()
                    && p.result().placed().isEmpty() && p.result().cancelled().isEmpty() && !p.result().unplaced().isEmpty()));
            for (long[] pc : courses) {
                assertTrue(live(c, pc[0]).stream().noneMatch(a -> a.date().equals(wednesday)));
            }
        }
    }

    @Test
    void aMissedSessionStillHoldsItsChairAndOffTheGridTimesAreRefused() {
        try (var c = TestClinic.open(dir)) {
            long[] ids = setUp(c);
            long[] missed = patientWithCourse(c, "Missed", TODAY);
            long[] other = patientWithCourse(c, "Other", TODAY);
            Preference afternoon = new Preference(LocalTime.of(15, 0), LocalTime.of(16, 0), ids[0]);
            c.schedule().apply(c.schedule().planCourse(missed[1], afternoon));
            c.tms().recordMiss(missed[0], missed[1], SessionStatus.MISSED, TODAY, "Unwell");
            Appointment gone = c.schedule().ofPatient(missed[0]).stream().filter(a -> a.date().equals(TODAY)).findFirst().orElseThrow();
            assertEquals(AppointmentStatus.MISSED, gone.status());
            c.schedule().apply(c.schedule().planCourse(other[1], new Preference(LocalTime.of(17, 0), LocalTime.of(18, 0), ids[0])));
            Appointment mine = live(c, other[0]).stream().filter(a -> a.date().equals(TODAY)).findFirst().orElseThrow();
            ScheduleConflictException e = assertThrows(ScheduleConflictException.class, () -> c.schedule().move(mine.id(),
                    mine.version(), gone.chairId(), mine.technicianId(), TODAY, gone.start(), mine.minutes()));
            assertEquals(Conflict.Kind.CHAIR_BUSY, e.check().conflicts().get(0).kind(), "the checker sees the held slot, in words");
            assertEquals("schedule.error.grid", key(() -> c.schedule().move(mine.id(), mine.version(), mine.chairId(),
                    mine.technicianId(), TODAY, LocalTime.of(17, 2), mine.minutes())));
            assertEquals("schedule.error.minutes", key(() -> c.schedule().move(mine.id(), mine.version(), mine.chairId(),
                    mine.technicianId(), TODAY, mine.start(), 47)));
            assertEquals("schedule.conflict.pastMidnight", key(() -> c.schedule().move(mine.id(), mine.version(), mine.chairId(),
                    mine.technicianId(), TODAY, LocalTime.of(23, 30), 60)));
        }
    }

    @Test
    void preferredWeekdaysShapeThePlanTheBookingsAndTheTmsTab() {
        try (var c = TestClinic.open(dir)) {
            setUp(c);
            long[] pc = patientWithCourse(c, "Weekdays", TODAY.plusDays(3));
            Set<DayOfWeek> mwf = Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
            CourseBookingPlan plan = c.schedule().planCourse(pc[1], new Preference(LocalTime.of(8, 0), LocalTime.of(9, 0), null, mwf));
            assertEquals(36, plan.result().placed().size());
            assertTrue(plan.result().placed().stream().allMatch(b -> mwf.contains(b.day().getDayOfWeek())), "only Mon, Wed, Fri");
            assertTrue(live(c, pc[0]).isEmpty(), "a preview saves nothing");
            c.schedule().apply(plan);
            assertTrue(live(c, pc[0]).stream().allMatch(a -> mwf.contains(a.date().getDayOfWeek())));
            assertEquals(List.of(), c.schedule().reflowNeeded(), "the saved weekdays keep the plan and the bookings in step");
            var course = c.tms().overview(pc[0]).courses().get(0);
            assertTrue(course.progress().remaining().stream().allMatch(s -> mwf.contains(s.date().getDayOfWeek())),
                    "the TMS tab plans on the same days");
            assertEquals("schedule.error.noOpenPreferredDay", key(() -> c.schedule().planCourse(pc[1],
                    new Preference(LocalTime.of(8, 0), LocalTime.of(9, 0), null, Set.of(DayOfWeek.SUNDAY)))));
        }
    }
}
