package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The schedule screen: a whole course booked from the list, and a drag onto a booked chair refused with the reason. */
class ScheduleUiTest extends UiTestBase {
    /** Monday after the test clinic's Friday. */
    private static final LocalDate MONDAY = TestClinic.TODAY.plusDays(3);
    private static final Preference EIGHT = new Preference(LocalTime.of(8, 0), LocalTime.of(9, 0), null);
    private long[] booked;
    private long[] waiting;

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        ScheduleFixture.setUp(c);
        booked = ScheduleFixture.patientWithCourse(c, "Rosa", "Franklin", MONDAY);
        waiting = ScheduleFixture.patientWithCourse(c, "Omar", "Haddad", MONDAY);
        c.schedule().apply(c.schedule().planCourse(booked[1], EIGHT));
    }

    private void openSchedule(FxRobot robot, int toBookCount) {
        robot.clickOn("#scheduleNav");
        waitUntil("schedule loaded", () -> robot.lookup("#toBookList").tryQuery().isPresent());
        ListView<?> toBook = robot.lookup("#toBookList").queryListView();
        waitUntil("courses to book", () -> toBook.getItems().size() == toBookCount);
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class).setValue(MONDAY));
        waitUntil("Monday shown", () -> robot.lookup("#appt-" + firstOf(booked[0]).id()).tryQuery().isPresent());
    }

    private Appointment firstOf(long patient) {
        return clinic.schedule().ofPatient(patient).stream().filter(a -> a.date().equals(MONDAY)).findFirst().orElseThrow();
    }

    @Test
    void aWholeCourseIsBookedFromTheListInOneGo(FxRobot robot) {
        openSchedule(robot, 1);
        ListView<?> toBook = robot.lookup("#toBookList").queryListView();
        robot.interact(() -> toBook.getSelectionModel().select(0));
        long started = System.nanoTime();
        robot.clickOn("#bookCourseButton");
        waitUntil("plan shown", () -> text(robot, "#book-preview").contains("36 new"));
        assertTrue(!text(robot, "#book-preview").contains("not placed"), "every session placed: " + text(robot, "#book-preview"));
        robot.interact(() -> robot.lookup("#book-ok").queryButton().fire());
        waitUntil("nothing left to book", () -> toBook.getItems().isEmpty());
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<Appointment> mine = clinic.schedule().ofPatient(waiting[0]);
        assertEquals(36, mine.size());
        assertTrue(mine.stream().allMatch(a -> a.start().equals(LocalTime.of(8, 0))), "at 08:00 on the other chair");
        assertTrue(mine.stream().allMatch(a -> !a.chairId().equals(firstOf(booked[0]).chairId())));
        waitUntil("shown on the day", () -> robot.lookup("#appt-" + mine.get(0).id()).tryQuery().isPresent());
        assertTrue(millis < 60_000, "a whole course in under a minute: " + millis + " ms");
        System.out.println("ScheduleUiTest: a whole course booked from the list in " + millis + " ms");
        robot.interact(() -> Screenshots.save(stage.getScene(), "schedule-day"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.DARK));
        PatientRegistryUiTest.WaitForThemes.settle(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "schedule-day-dark"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));
    }

    /**
     * Issue 13: a scheduler at another workstation books the waiting course; this screen shows it within seconds with
     * no click (ADR 0025: the view compares a fingerprint of its days every few seconds).
     */
    @Test
    void anotherWorkstationsBookingAppearsWithoutAnyAction(FxRobot robot) throws Exception {
        openSchedule(robot, 1);
        try (var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> clinic.context().gate().signIn(
                TestClinic.TESTER, TestClinic.PASSWORD.toCharArray())).get(60, java.util.concurrent.TimeUnit.SECONDS)) {
            java.util.concurrent.CompletableFuture.runAsync(() -> other.schedule().apply(
                    other.schedule().planCourse(waiting[1], new Preference(LocalTime.of(10, 0), LocalTime.of(11, 0), null))))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
            Appointment theirs = firstOf(waiting[0]);
            waitUntil("the other workstation's booking drawn", () -> robot.lookup("#appt-" + theirs.id()).tryQuery()
                    .isPresent());
            java.util.concurrent.CompletableFuture.runAsync(() -> other.schedule().cancel(theirs.id(), theirs.version(),
                    "Called to cancel")).get(60, java.util.concurrent.TimeUnit.SECONDS);
            waitUntil("and its cancellation", () -> robot.lookup("#appt-" + theirs.id()).tryQuery().isEmpty()
                    || robot.lookup("#appt-" + theirs.id()).query().getStyleClass().stream().anyMatch(c -> c.contains("cancel")));
        }
    }

    @Test
    void aDragOntoABookedChairIsRefusedWithTheReasonAndNothingMoves(FxRobot robot) {
        clinic.schedule().apply(clinic.schedule().planCourse(waiting[1], EIGHT));
        openSchedule(robot, 0);
        Appointment mine = firstOf(waiting[0]);
        Appointment theirs = firstOf(booked[0]);
        waitUntil("second course drawn", () -> robot.lookup("#appt-" + mine.id()).tryQuery().isPresent());
        Node block = robot.lookup("#appt-" + mine.id()).query();
        Node other = robot.lookup("#appt-" + theirs.id()).query();
        // Onto the other patient's session: the same time on the chair they have.
        robot.drag(block, MouseButton.PRIMARY).moveTo(other).release(MouseButton.PRIMARY);
        waitUntil("refused", () -> text(robot, "#scheduleMessage").contains("is booked"));
        String message = text(robot, "#scheduleMessage");
        assertTrue(message.contains(theirs.chairName() + " is booked 08:00\u2013"), message);
        assertTrue(message.contains("Free nearby"), message);
        assertEquals(mine.chairId(), firstOf(waiting[0]).chairId(), "nothing moved");
        assertEquals(mine.start(), firstOf(waiting[0]).start());
    }

    @Test
    void aClosureShowsUnderReflowAndOneOkMovesTheBookings(FxRobot robot) {
        LocalDate wednesday = MONDAY.plusDays(2);
        clinic.calendar().addClosure(wednesday, false, "Burst pipe");
        openSchedule(robot, 1);
        ListView<?> reflow = robot.lookup("#reflowList").queryListView();
        waitUntil("one course to re-flow", () -> reflow.getItems().size() == 1);
        assertTrue(text(robot, "#reflowLabel").contains("(1)"), text(robot, "#reflowLabel"));
        robot.clickOn("#reflowButton");
        waitUntil("re-flow shown", () -> robot.lookup("#reflow-preview").tryQuery().isPresent());
        assertTrue(text(robot, "#reflow-preview").contains("no session on " + wednesday), text(robot, "#reflow-preview"));
        robot.interact(() -> robot.lookup("#reflow-ok").queryButton().fire());
        waitUntil("nothing left to re-flow", () -> reflow.getItems().isEmpty());
        assertTrue(clinic.schedule().ofPatient(booked[0]).stream().filter(a -> a.status().live())
                .noneMatch(a -> a.date().equals(wednesday)), "no live booking on the closed day");
    }

    @Test
    void aFirstSessionsBlockSaysWhatItNeedsBesidesTheSession(FxRobot robot) {
        openSchedule(robot, 1);
        // Rosa's course starts Monday: her first threshold and her baseline scale are both due at that booking; the
        // second session (Tuesday) needs neither (Monday's threshold and the baseline window are behind it).
        String mondayId = "#appt-" + firstOf(booked[0]).id();
        // The flags follow the day in a second read: the grid is drawn first, then they are added.
        waitUntil("Monday's flags", () -> text(robot, mondayId).contains("MT due \u00b7 Scale due"));
        Appointment second = clinic.schedule().ofPatient(booked[0]).stream().filter(a -> a.date().equals(MONDAY.plusDays(1)))
                .findFirst().orElseThrow();
        robot.interact(() -> robot.lookup("#datePicker").queryAs(javafx.scene.control.DatePicker.class)
                .setValue(MONDAY.plusDays(1)));
        waitUntil("Tuesday's flags read", () -> robot.lookup("#appt-" + second.id()).tryQuery()
                .map(n -> n.getStyleClass().contains("appt-flags-read")).orElse(false));
        String tuesday = text(robot, "#appt-" + second.id());
        assertFalse(tuesday.contains("due"), tuesday);
    }

    @Test
    void weekMonthAndTechnicianViewsShowTheBookings(FxRobot robot) {
        openSchedule(robot, 1);
        robot.clickOn("#weekMode");
        waitUntil("week", () -> robot.lookup("#weekGrid").tryQuery().isPresent());
        waitUntil("Rosa in the week", () -> onFx(() -> robot.lookup("#weekGrid .appt-line").queryAll().stream()
                .filter(n -> ((javafx.scene.control.Labeled) n).getText().contains("Franklin, Rosa")).count()) == 5L);
        robot.clickOn("#monthMode");
        waitUntil("month", () -> robot.lookup("#monthGrid").tryQuery().isPresent());
        robot.clickOn("#techMode");
        waitUntil("technician's day", () -> robot.lookup("#technicianDay").tryQuery().isPresent());
        waitUntil("Rosa on the technician's day", () -> onFx(() -> robot.lookup("#technicianDay .appt-line").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Labeled) n).getText().contains("Franklin, Rosa"))));
    }

    @Test
    void thePatientsAppointmentsAreListedOnTheChart(FxRobot robot) {
        javafx.scene.control.TableView<?> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 2);
        robot.doubleClickOn(robot.from(list).lookup("Franklin, Rosa").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> "Appointments".equals(l.getText())).findFirst().orElseThrow()));
        javafx.scene.control.TableView<?> appts = robot.lookup("#appointmentTable").queryTableView();
        waitUntil("36 appointments", () -> appts.getItems().size() == 36);
    }
}
