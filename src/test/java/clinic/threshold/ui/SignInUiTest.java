package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.main.SessionFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** First run on a new data folder, then signing out and in again, as a user clicks through it. */
@ExtendWith(ApplicationExtension.class)
class SignInUiTest {
    private AppContext context;
    private FxTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("threshold-signin");
        context = TestClinic.context(dir, TestClinic.CLOCK);
        executor = new FxTaskExecutor();
        new SessionFlow(stage, context.gate(), executor, new UiPreferences(), TestClinic.CLOCK, List.of()).start();
    }

    @AfterEach
    void stop() throws TimeoutException {
        UiTestBase.closeOwnWindow(executor, context);
    }

    @Test
    void firstRunCreatesTheClinicThenSignInWorksAndWrongPasswordsAreExplained(FxRobot robot) {
        UiTestBase.waitUntil("setup screen", () -> robot.lookup("#clinicNameField").tryQuery().isPresent());
        robot.clickOn("#clinicNameField").write("Riverside TMS");
        robot.clickOn("#usernameField").write("Boss");
        robot.clickOn("#displayNameField").write("Dr. Boss");
        robot.clickOn("#passwordField").write("short");
        robot.clickOn("#confirmField").write("short");
        robot.clickOn("#createButton");
        UiTestBase.waitUntil("password rule explained", () -> UiTestBase.text(robot, "#messageLabel")
                .contains("at least 12 characters"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "setup"));

        robot.clickOn("#passwordField").write("a proper passphrase");
        robot.clickOn("#confirmField").write("a proper passphrase");
        robot.clickOn("#createButton");
        UiTestBase.waitUntil("recovery key shown", () -> UiTestBase.dialog("Your recovery key").isPresent());
        DialogPane recovery = UiTestBase.dialog("Your recovery key").orElseThrow();
        assertTrue(recovery.getContentText().matches("(?s).*[A-Z2-9]{5}(-[A-Z2-9]{5}){5}.*"), recovery.getContentText());
        robot.clickOn(robot.from(recovery).lookup("OK").queryButton());
        UiTestBase.waitUntil("main window", () -> robot.lookup("#patientsNav").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#userMenu").startsWith("Dr. Boss"), UiTestBase.text(robot, "#userMenu"));

        robot.clickOn("#userMenu").clickOn("Sign out");
        UiTestBase.waitUntil("sign-in screen", () -> robot.lookup("#signInButton").tryQuery().isPresent());
        assertTrue(!UiTestBase.text(robot, "#messageLabel").isEmpty()
                && !UiTestBase.onFx(() -> robot.lookup("#messageLabel").query().getStyleClass().contains("danger")),
                "signed out is a notice, not an error");
        robot.clickOn("#usernameField").write("boss");
        robot.clickOn("#passwordField").write("not my password");
        robot.clickOn("#signInButton");
        UiTestBase.waitUntil("refused", () -> UiTestBase.text(robot, "#messageLabel").contains("not right"));
        assertTrue(UiTestBase.onFx(() -> robot.lookup("#messageLabel").query().getStyleClass().contains("danger")),
                "a refusal is shown as an error");
        assertEquals("", UiTestBase.text(robot, "#passwordField"), "the typed password does not linger");
        robot.interact(() -> Screenshots.save(stage.getScene(), "signin"));
        robot.clickOn("#passwordField").write("a proper passphrase");
        robot.clickOn("#signInButton");
        UiTestBase.waitUntil("main window again", () -> robot.lookup("#patientsNav").tryQuery().isPresent());
    }
}
