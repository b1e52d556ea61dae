package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Run the outcomes report for last quarter, change a parameter and run again, export the CSV. */
class ReportsUiTest extends UiTestBase {
    static final LocalDate START = TestClinic.TODAY.minusWeeks(10).with(DayOfWeek.MONDAY);

    @Start
    void start(Stage stage) throws Exception {
        savedFiles = Files.createTempDirectory("threshold-reports");
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        var p = c.patients().create(TestClinic.person("Ann", "Responder", LocalDate.of(1975, 1, 1), null));
        c.outcomes().record(p.id(), AuthorizationFixture.phq(START.minusDays(2), 3, 3, 3, 3, 2, 2, 2, 2, 0), false);
        AuthorizationFixture.screen(c, p.id(), START.minusDays(4));
        AuthorizationFixture.courseWithSessions(c, p.id(), START, START.plusWeeks(6).minusDays(3));
        c.outcomes().record(p.id(), AuthorizationFixture.phq(START.plusWeeks(6).minusDays(3), 1, 1, 1, 1, 1, 1, 1, 1, 0), false);
    }

    @Test
    void runChangeAParameterAndExport(FxRobot robot) throws Exception {
        robot.clickOn("#reportsNav");
        TableView<?> table = robot.lookup("#reportTable").queryTableView();
        waitUntil("report chosen", () -> text(robot, "#reportTitle").startsWith("Outcomes"));
        robot.clickOn("#reportRun");
        try {
            waitUntil("one row", () -> onFx(() -> table.getItems().size()) == 1);
        } catch (AssertionError e) {
            throw new AssertionError(text(robot, "#reportMessage") + " | " + text(robot, "#reportError") + " | "
                    + text(robot, "#reportNotes") + " | " + text(robot, "#reportParams"), e);
        }
        assertEquals("Standard 10 Hz", onFx(() -> ((List<?>) table.getItems().get(0)).get(0)), "grouped by protocol");
        assertTrue(text(robot, "#reportParams").contains("2026-07-01 to 2026-09-30"), text(robot, "#reportParams"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "reports-outcomes"));

        ComboBox<ReportParams.GroupBy> group = robot.lookup("#reportGroupBy").queryComboBox();
        robot.interact(() -> group.setValue(ReportParams.GroupBy.PAYER));
        robot.clickOn("#reportRun");
        waitUntil("regrouped", () -> onFx(() -> table.getItems().size() == 1
                && "no payer".equals(((List<?>) table.getItems().get(0)).get(0))));

        robot.clickOn("#reportCsv");
        Path csv = savedFiles.resolve("outcomes-" + TestClinic.TODAY + ".csv");
        waitUntil("csv saved", () -> Files.exists(csv) && text(robot, "#reportMessage").startsWith("Saved"));
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("Group,Instrument"), lines.get(0));
        assertTrue(lines.get(1).startsWith("no payer,PHQ-9,1,100.0,0.0,"), lines.get(1));
    }

    @Test
    void theTrdProfileReadsInWordsAndFiltersByBreakdown(FxRobot robot) {
        robot.clickOn("#reportsNav");
        waitUntil("reports listed", () -> onFx(() -> robot.lookup("#reportList").queryListView().getItems().size()) == 11);
        robot.interact(() -> robot.lookup("#reportList").queryListView().getSelectionModel()
                .select(ReportId.TRD_PROFILE));
        waitUntil("report chosen", () -> text(robot, "#reportTitle").equals("TRD profile"));
        // Patients registered up to today (Ann was registered today; the default range is last quarter).
        javafx.scene.control.DatePicker to = robot.lookup("#reportTo").query();
        robot.interact(() -> to.setValue(TestClinic.TODAY));
        robot.clickOn("#reportRun");
        TableView<?> table = robot.lookup("#reportTable").queryTableView();
        waitUntil("rows", () -> onFx(() -> table.getItems().size()) > 10);
        javafx.scene.control.TextField filter = robot.lookup("#reportFilter").query();
        robot.interact(() -> filter.setText("maudsley")); // below the chart: out of view on the test's small window
        // Mild, moderate, severe and no current episode.
        waitUntil("the Maudsley rows", () -> onFx(() -> table.getItems().size()) == 4);
        assertTrue(text(robot, "#reportNotes").startsWith("1 patient; 0 meet the TRD definition"), text(robot, "#reportNotes"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "reports-trd-profile"));
    }
}
