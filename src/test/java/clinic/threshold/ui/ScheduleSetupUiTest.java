package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.ClinicServices;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Chairs and staff: bad set-up is refused in words with nothing saved; good set-up is listed. */
class ScheduleSetupUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        // An empty clinic: the administrator sets it up here.
    }

    @Test
    void aChairWithoutAProtocolIsRefusedThenSavedOnceItHasOne(FxRobot robot) {
        robot.clickOn("#setupNav");
        waitUntil("set-up shown", () -> robot.lookup("#chairList").tryQuery().isPresent());
        ListView<?> chairs = robot.lookup("#chairList").queryListView();
        robot.clickOn("#addChairButton");
        waitUntil("chair form", () -> robot.lookup("#chair-ok").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#chair-name").queryTextInputControl().setText("Chair 1"));
        robot.interact(() -> robot.lookup("#chair-ok").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#chair-ok-error").contains("a chair must deliver at least one protocol"));
        assertEquals(0, clinic.scheduleSetup().resources().chairs().size(), "nothing saved");
        robot.interact(() -> robot.lookup("#chair-protocol-TENHZ").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        robot.interact(() -> robot.lookup("#chair-ok").queryButton().fire());
        waitUntil("listed", () -> chairs.getItems().size() == 1);
        assertTrue(clinic.scheduleSetup().resources().chairs().get(0).delivers("TENHZ"));
    }

    @Test
    void hoursThatEndBeforeTheyStartAreRefused(FxRobot robot) {
        robot.clickOn("#setupNav");
        waitUntil("set-up shown", () -> robot.lookup("#hoursButton").tryQuery().isPresent());
        robot.clickOn("#hoursButton");
        waitUntil("hours form", () -> robot.lookup("#hours-ok").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#hours-text").queryTextInputControl().setText("Mon-Fri 07:00-19:00\nSat 12:00-08:00"));
        robot.interact(() -> robot.lookup("#hours-ok").queryButton().fire());
        try {
            waitUntil("refused", () -> text(robot, "#hours-ok-error").contains("Saturday: closes at 08:00, before it opens at 12:00"));
        } catch (AssertionError e) {
            throw new AssertionError("shown: " + text(robot, "#hours-ok-error"), e);
        }
        assertEquals(5, clinic.scheduleSetup().resources().clinicHours().days().size(), "the old hours stand");
    }
}
