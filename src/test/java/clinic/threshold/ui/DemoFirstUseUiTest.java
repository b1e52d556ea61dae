package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.DemoClinic;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.main.SessionFlow;
import clinic.threshold.ui.signin.DemoAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The demo clinic's first use in the window: the generator and the curated seeders run behind a progress screen (the
 * window shows at once instead of after a quarter of a minute), then the sign-in screen lists the demo accounts and
 * one of them reaches a patient list with the generated and the curated patients.
 */
@ExtendWith(ApplicationExtension.class)
class DemoFirstUseUiTest {
    private AppContext context;
    private FxTaskExecutor executor;
    private Stage stage;
    private final List<String> steps = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("threshold-demo");
        context = AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, TestClinic.config());
        executor = new FxTaskExecutor();
        List<DemoAccount> accounts = DemoClinic.ACCOUNTS.stream()
                .map(a -> new DemoAccount(a.username(), a.password(), a.role())).toList();
        SessionFlow flow = new SessionFlow(stage, context.gate(), executor, new UiPreferences(), TestClinic.CLOCK, accounts);
        assertTrue(context.demoPending());
        flow.demoBuilder(p -> {
            context.createDemo((step, fraction) -> {
                synchronized (steps) {
                    steps.add(step);
                }
                p.update(step, fraction);
            });
            return "The demo clinic is ready.";
        });
        flow.start();
    }

    @AfterEach
    void stop() throws TimeoutException {
        UiTestBase.closeOwnWindow(executor, context);
    }

    @Test
    void theDemoIsBuiltBehindAProgressScreenThenEveryAccountIsOffered(FxRobot robot) throws Exception {
        UiTestBase.waitUntil("progress screen", () -> robot.lookup("#progressBar").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#titleLabel").contains("demo clinic"), UiTestBase.text(robot, "#titleLabel"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> UiTestBase.text(robot, "#stepLabel").contains("history")
                || robot.lookup("#signInButton").tryQuery().isPresent());
        robot.interact(() -> Screenshots.save(stage.getScene(), "demo-building"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#signInButton").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The demo clinic is ready.", UiTestBase.text(robot, "#messageLabel"));
        assertTrue(!UiTestBase.onFx(() -> robot.lookup("#messageLabel").query().getStyleClass().contains("danger")),
                "a notice, not shown as an error");
        synchronized (steps) {
            assertEquals(List.of("demoHistory", "demoPatients", "demoSchedule"), steps.stream().distinct().toList());
        }
        assertTrue(robot.lookup("#progressBar").tryQuery().isEmpty(), "the progress screen is gone");
        assertTrue(!context.demoPending());
        assertTrue(!context.demoIncomplete(), "the build finished: no marker left");

        robot.clickOn("demo.clinician  /  demo-clinician-2026  (Clinician)");
        robot.clickOn("#signInButton");
        UiTestBase.waitUntil("main window", () -> robot.lookup("#patientsNav").tryQuery().isPresent());
        int everyone = DemoClinic.GENERATED_PATIENTS + DemoClinic.CURATED_PATIENTS;
        UiTestBase.waitUntil("the patient list filled", () -> UiTestBase.onFx(() -> robot.lookup("#table")
                .queryTableView().getItems().size()) > 0);
        try (var c = context.gate().signIn("demo.admin", "demo-admin-2026".toCharArray())) {
            assertEquals(everyone, c.patients().count());
        }
    }
}
