package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A technician records today's session on a running course with the previous session's parameters pre-filled,
 * then marks a miss and sees the rest of the plan move one open day.
 */
class TmsUiTest extends UiTestBase {
    private static final LocalDate TODAY = TestClinic.TODAY;
    /** Monday of this week: three sessions given Monday to Wednesday, today is Friday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    private static SessionEntry given(LocalDate day, MtReading mt) {
        return given(day, mt, 3000, null);
    }

    /** A session on the second stimulator (not the first listed, so a default taken from it shows). */
    private static SessionEntry given(LocalDate day, MtReading mt, int pulses, String pulsesReason) {
        return new SessionEntry(day, LocalTime.of(8, 30), "Chair 2", "FIG8B", "tech.kim", "dr.osei", mt, 120, pulses, pulses,
                pulsesReason, 75, 75, LocationMethod.BEAM_F3, new BigDecimal("36.5"), new BigDecimal("35.0"),
                new BigDecimal("57.5"), "F3 (Beam)", 0, null, 3, new PreSessionCheck(new BigDecimal(7), false, false,
                false, false), List.of(), null);
    }

    @Override
    protected void seed(ClinicServices c) {
        c.tmsReference().saveDevice(new Device("FIG8B", "Second Figure-8 stimulator", "Figure-8",
                100, true, Confidence.CONFIRMED, "clinic inventory"), true, 0);
        Patient p = c.patients().create(TestClinic.person("Rosa", "Franklin", LocalDate.of(1982, 7, 25), null));
        c.tms().screen(p.id(), MONDAY.minusDays(7), c.tms().reference().screeningForm().stream()
                .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
        long course = c.tms().startCourse(p.id(), new CourseRequest("TENHZ", CourseType.INITIAL, MONDAY, "MDD", 36,
                new Authorization("Aetna", "PA-2026-118", 36, MONDAY, MONDAY.plusWeeks(8))));
        c.tms().recordSession(p.id(), course, given(MONDAY, new MtReading(58, MtMethod.EMG, null)));
        c.tms().recordSession(p.id(), course, given(MONDAY.plusDays(1), null));
        c.tms().recordSession(p.id(), course, given(MONDAY.plusDays(2), null, 2400, "shortened: scalp discomfort"));
    }

    private TableView<?> openTms(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Franklin, Rosa").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText().equals("TMS")).findFirst().orElseThrow());
        TableView<?> sessions = robot.lookup("#tms-sessions").queryTableView();
        waitUntil("course shown", () -> sessions.getItems().size() == 36);
        return sessions;
    }

    /** Read on the JavaFX thread: the summary is rebuilt there, and walking it from here races the rebuild. */
    private static String summary(FxRobot robot) {
        return onFx(() -> robot.lookup(".tms-summary .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + " | " + b));
    }

    @Test
    void aTechnicianRecordsTodaysSessionFromThePreviousParameters(FxRobot robot) {
        openTms(robot);
        assertTrue(summary(robot).contains("3 of 36 given"), summary(robot));
        assertTrue(text(robot, "#tmsLabel").startsWith("TMS: Standard 10 Hz, 3 of 36 sessions (Acute)  \u00b7  next "
                + TODAY), "the chart header: " + text(robot, "#tmsLabel"));
        assertTrue(summary(robot).contains("#4 on " + TODAY), summary(robot));
        long started = System.nanoTime();
        robot.clickOn("#tmsRecordButton");
        waitUntil("session form", () -> robot.lookup("#tms-session-ok").tryQuery().isPresent());
        assertEquals("Chair 2", text(robot, "#tms-session-chair"), "pre-filled from the previous session");
        assertEquals("120", text(robot, "#tms-session-pct"));
        assertEquals("3000", text(robot, "#tms-session-pulses-planned"),
                "the course's pulses, not Wednesday's shortened session's");
        assertEquals("3000", text(robot, "#tms-session-pulses"));
        assertEquals("70% of machine output", text(robot, "#tms-session-output"), "120% of the MT of 58");
        assertFalse(robot.lookup("#tms-session-mt-today").queryAs(javafx.scene.control.CheckBox.class).isSelected(),
                "the MT of Monday is not due again yet");
        robot.clickOn("#tms-session-sleep").write("7");
        // Pain sits below the fold of the scrolling form: typed in directly.
        robot.interact(() -> robot.lookup("#tms-session-pain").queryTextInputControl().setText("2"));
        robot.interact(() -> Screenshots.save(robot.lookup("#tms-session-ok").query().getScene(), "tms-session"));
        robot.interact(() -> robot.lookup("#tms-session-ok").queryButton().fire());
        waitUntil("saved", () -> text(robot, "#tms-notice").contains("Session 4 signed and saved, billed as 90868"));
        System.out.printf("TMS session opened, checked, typed and signed in %d ms (robot speed)%n",
                (System.nanoTime() - started) / 1_000_000);
        waitUntil("summary updated", () -> summary(robot).contains("4 of 36 given"));
        robot.interact(() -> Screenshots.save(robot.lookup("#tms-sessions").query().getScene(), "tms-course"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.DARK));
        PatientRegistryUiTest.WaitForThemes.settle(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "tms-course-dark"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));
    }

    @Test
    void aRefusedSessionKeepsTheFormOpenWithTheReason(FxRobot robot) {
        openTms(robot);
        robot.clickOn("#tmsRecordButton");
        waitUntil("session form", () -> robot.lookup("#tms-session-ok").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#tms-session-pct").queryTextInputControl().setText("140"));
        robot.interact(() -> robot.lookup("#tms-session-ok").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#tms-session-ok-error").contains("between 80 and 120% of motor threshold"));
        assertTrue(robot.lookup("#tms-session-ok").tryQuery().isPresent(), "the form stays open");
    }

    @Test
    void aMissMovesTheRestOfThePlanOneOpenDay(FxRobot robot) {
        TableView<?> sessions = openTms(robot);
        assertTrue(summary(robot).contains("#4 on " + TODAY), summary(robot));
        robot.clickOn("#tmsMissButton");
        waitUntil("miss form", () -> robot.lookup("#tms-miss-ok").tryQuery().isPresent());
        robot.clickOn("#tms-miss-reason").write("Car broke down");
        robot.interact(() -> robot.lookup("#tms-miss-ok").queryButton().fire());
        waitUntil("plan moved", () -> summary(robot).contains("#4 on " + TODAY.plusDays(3)));
        waitUntil("miss listed", () -> sessions.getItems().size() == 37);
        assertTrue(summary(robot).contains("3 of 36 given"), summary(robot));
    }

    @Test
    void anMtVisitIsRecordedOnTheStimulatorOfTheLastSession(FxRobot robot) {
        openTms(robot);
        TableView<clinic.threshold.domain.tms.MotorThreshold> mts = robot.lookup("#tms-mt").queryTableView();
        waitUntil("MT history", () -> mts.getItems().size() == 1);
        robot.interact(() -> robot.lookup("#tmsMtButton").queryButton().fire());
        waitUntil("MT form", () -> robot.lookup("#tms-mt-ok").tryQuery().isPresent());
        javafx.scene.control.ComboBox<clinic.threshold.domain.tms.Device> device = robot.lookup("#tms-mt-device").queryComboBox();
        assertEquals("FIG8B", device.getValue().code(), "the device of the course's last session, not the first listed");
        // The patient moves to the other Figure-8 stimulator: measured there at an MT visit.
        robot.interact(() -> device.setValue(device.getItems().stream().filter(d -> d.code().equals("FIG8")).findFirst()
                .orElseThrow()));
        robot.interact(() -> robot.lookup("#tms-mt-pct").queryTextInputControl().setText("61"));
        robot.interact(() -> robot.lookup("#tms-mt-reason").queryTextInputControl().setText("moved to chair 1"));
        robot.interact(() -> robot.lookup("#tms-mt-ok").queryButton().fire());
        waitUntil("recorded", () -> mts.getItems().size() == 2);
        clinic.threshold.domain.tms.MotorThreshold visit = mts.getItems().stream().filter(m -> m.outputPct() == 61)
                .findFirst().orElseThrow();
        assertEquals("FIG8", visit.deviceCode());
        assertEquals("Figure-8", visit.coil());
        // The next session starts on the stimulator the threshold was measured on, not the last session's.
        robot.clickOn("#tmsRecordButton");
        waitUntil("session form", () -> robot.lookup("#tms-session-ok").tryQuery().isPresent());
        assertEquals("FIG8", robot.lookup("#tms-session-device").queryComboBox().getValue() instanceof
                clinic.threshold.domain.tms.Device d ? d.code() : null);
        robot.clickOn("Cancel");
        waitUntil("closed", () -> robot.lookup("#tms-session-ok").tryQuery().isEmpty());
        // So does a second threshold measured before the next session.
        robot.interact(() -> robot.lookup("#tmsMtButton").queryButton().fire());
        waitUntil("MT form again", () -> robot.lookup("#tms-mt-ok").tryQuery().isPresent());
        assertEquals("FIG8", robot.lookup("#tms-mt-device").queryComboBox().getValue() instanceof
                clinic.threshold.domain.tms.Device d ? d.code() : null);
        robot.clickOn("Cancel");
        waitUntil("MT form closed", () -> robot.lookup("#tms-mt-ok").tryQuery().isEmpty());
    }
}
