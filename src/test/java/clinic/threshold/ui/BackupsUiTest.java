package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupStatus;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Backups as an administrator sees them: taking one and seeing it verified, restoring it from the backups
 * screen, and restoring the newest verified backup from the sign-in screen when the database is damaged.
 */
class BackupsUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        c.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 1, 1), null));
    }

    private void signInAgain(FxRobot robot) {
        robot.clickOn("#usernameField").write(TestClinic.TESTER);
        robot.clickOn("#passwordField").write(TestClinic.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil("main window", () -> showing(robot, "#patientsNav"));
    }

    @Test
    void anAdministratorTakesAVerifiedBackupAndRestoresIt(FxRobot robot) {
        robot.clickOn("#backupsNav");
        TableView<BackupInfo> table = robot.lookup("#backupTable").queryTableView();
        waitUntil("settings shown", () -> !text(robot, "#folderField").isEmpty());
        assertTrue(text(robot, "#sameDiskLabel").contains("same disk"), "default folder is on the data disk");
        robot.clickOn("#createButton");
        waitUntil("backup listed", () -> table.getItems().size() == 1);
        assertEquals(BackupStatus.VERIFIED, table.getItems().get(0).status());
        assertTrue(text(robot, "#messageLabel").contains("verified"), text(robot, "#messageLabel"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "backups"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.DARK));
        PatientRegistryUiTest.WaitForThemes.settle(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "backups-dark"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#restoreButton");
        waitUntil("confirmation", () -> dialog("Restore\u2026").isPresent());
        robot.clickOn("OK");
        waitUntil("password asked", () -> robot.lookup("#dialogPassword").tryQuery().isPresent());
        robot.clickOn("#dialogPassword").write(TestClinic.PASSWORD);
        robot.clickOn("OK");
        waitUntil("back at sign-in with the result", () -> showing(robot, "#usernameField")
                && text(robot, "#messageLabel").startsWith("Restored"));
        assertTrue(Files.isDirectory(clinic.context().dataDir().resolve("replaced")));
        signInAgain(robot);
        robot.interact(flow::signOut);
    }

    @Test
    void aDamagedDatabaseOffersTheNewestVerifiedBackupAtSignIn(FxRobot robot) throws Exception {
        Path dataDir = clinic.context().dataDir();
        BackupInfo b = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> clinic.backups().createNow(Progress.NONE)).get();
        assertTrue(b.good());
        robot.interact(flow::signOut);
        Path file = dataDir.resolve("db").resolve("threshold.mv.db");
        waitUntil("database closed", () -> !Files.exists(dataDir.resolve("db").resolve("threshold.lock.db")));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(new byte[8192]); // both copies of the file header gone
        }
        robot.clickOn("#usernameField").write(TestClinic.TESTER);
        robot.clickOn("#passwordField").write(TestClinic.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil("restore offered", () -> showing(robot, "#restoreButton"));
        assertTrue(text(robot, "#messageLabel").contains("damaged"), text(robot, "#messageLabel"));
        assertTrue(text(robot, "#restoreLabel").contains(b.fileName()), text(robot, "#restoreLabel"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "signin-restore-offer"));
        robot.clickOn("#usernameField").eraseText(TestClinic.TESTER.length()).write(TestClinic.TESTER);
        robot.clickOn("#passwordField").write(TestClinic.PASSWORD);
        robot.clickOn("#restoreButton");
        waitUntil("restored", () -> showing(robot, "#usernameField")
                && text(robot, "#messageLabel").startsWith("Restored"));
        signInAgain(robot);
        robot.interact(flow::signOut);
    }
}
