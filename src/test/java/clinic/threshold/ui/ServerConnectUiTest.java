package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.testing.PostgresServer;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.main.SessionFlow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13's first-run choice, clicked through: a new workstation is pointed at an empty clinic database on a
 * PostgreSQL server, bad fields and a wrong password are explained, the clinic is set up there (no recovery key), the
 * backups screen explains the server's own backups, and the sign-in screen says which server it signs in to.
 */
@ExtendWith(ApplicationExtension.class)
class ServerConnectUiTest {
    private AppContext context;
    private FxTaskExecutor executor;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("threshold-server-ui");
        context = AppContext.open(new LaunchOptions(dir, false), Map.of(AppContext.PROFILE_ENV,
                PostgresServer.profileDir().toString()), TestClinic.CLOCK, TestClinic.config());
        executor = new FxTaskExecutor();
        new SessionFlow(stage, context.gate(), executor, new UiPreferences(), TestClinic.CLOCK, List.of()).start();
    }

    @AfterEach
    void stop() throws TimeoutException {
        UiTestBase.closeOwnWindow(executor, context);
    }

    @Test
    void aNewWorkstationConnectsToAnEmptyServerAndSetsTheClinicUpThere(FxRobot robot) {
        PostgresServer pg = PostgresServer.shared();
        String database = pg.newDatabaseForApp();
        UiTestBase.waitUntil("setup screen", () -> robot.lookup("#clinicNameField").tryQuery().isPresent());
        robot.clickOn("#serverLink");
        UiTestBase.waitUntil("the server form", () -> robot.lookup("#hostField").tryQuery().isPresent());
        assertEquals("5432", UiTestBase.text(robot, "#portField"));
        assertTrue(UiTestBase.text(robot, "#tlsHint").contains("checked (recommended)"), "the strictest TLS by default");

        robot.clickOn("#portField").eraseText(4).write("54x");
        robot.clickOn("#passwordField").write("anything");
        robot.clickOn("#connectButton");
        UiTestBase.waitUntil("bad fields named", () -> UiTestBase.text(robot, "#messageLabel").contains("port"));
        String named = UiTestBase.text(robot, "#messageLabel");
        assertTrue(named.contains("host name is missing"), named);

        robot.clickOn("#hostField").write("127.0.0.1");
        robot.clickOn("#portField").eraseText(3).write(Integer.toString(pg.port()));
        set(robot, "#databaseField", database); // typed text is slow to replay; the form reads the same
        set(robot, "#userField", PostgresServer.APP_ROLE);
        robot.interact(() -> robot.lookup("#tlsCombo").<ComboBox<String>>query().setValue("disable"));
        assertTrue(UiTestBase.text(robot, "#tlsHint").contains("Not encrypted"));
        assertTrue(UiTestBase.onFx(() -> robot.lookup("#tlsHint").query().getStyleClass().contains("danger")),
                "no TLS is shown as a danger");
        set(robot, "#passwordField", "not the server password");
        robot.clickOn("#connectButton");
        UiTestBase.waitUntil("wrong password explained", () -> UiTestBase.text(robot, "#messageLabel")
                .contains("refused the account " + PostgresServer.APP_ROLE));
        assertFalse(Files.exists(dir.resolve("database.properties")), "nothing kept from a connection that failed");
        robot.interact(() -> Screenshots.save(stage.getScene(), "server-connect"));

        set(robot, "#passwordField", PostgresServer.APP_PASSWORD);
        robot.clickOn("#connectButton");
        UiTestBase.waitUntil("setup on the server", () -> robot.lookup("#clinicNameField").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#introLabel").contains("on the server 127.0.0.1"),
                UiTestBase.text(robot, "#introLabel"));
        assertFalse(UiTestBase.onFx(() -> robot.lookup("#serverLink").query().isVisible()), "connected already");
        set(robot, "#clinicNameField", "Lakeside TMS");
        robot.clickOn("#usernameField").write("boss");
        set(robot, "#displayNameField", "Dr. Boss");
        set(robot, "#passwordField", "a proper passphrase");
        set(robot, "#confirmField", "a proper passphrase");
        robot.clickOn("#createButton");
        UiTestBase.waitUntil("main window, with no recovery key to show", () -> robot.lookup("#patientsNav").tryQuery()
                .isPresent());
        assertTrue(UiTestBase.dialog("Your recovery key").isEmpty());

        robot.clickOn("#backupsNav");
        UiTestBase.waitUntil("the server's backups explained", () -> robot.lookup("#whereLabel").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#whereLabel").contains("127.0.0.1:" + pg.port() + "/" + database));
        assertTrue(robot.lookup(".code").tryQuery().isPresent(), "the pg_dump command to copy");
        robot.interact(() -> Screenshots.save(stage.getScene(), "server-backups"));
        robot.clickOn("#usersNav");
        UiTestBase.waitUntil("the database setting shown", () -> robot.lookup("#databaseLabel").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#databaseLabel").contains("on the clinic\u2019s server: PostgreSQL 127.0.0.1"),
                UiTestBase.text(robot, "#databaseLabel"));

        robot.clickOn("#userMenu").clickOn("Sign out");
        UiTestBase.waitUntil("sign-in screen", () -> robot.lookup("#signInButton").tryQuery().isPresent());
        assertTrue(UiTestBase.text(robot, "#serverLabel").contains("127.0.0.1:" + pg.port()));
        robot.clickOn("#usernameField").write("boss");
        set(robot, "#passwordField", "a proper passphrase");
        robot.clickOn("#signInButton");
        UiTestBase.waitUntil("signed in again, against the server's account", () -> robot.lookup("#patientsNav")
                .tryQuery().isPresent());
    }

    private static void set(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(field).<javafx.scene.control.TextInputControl>query().setText(text));
    }
}
