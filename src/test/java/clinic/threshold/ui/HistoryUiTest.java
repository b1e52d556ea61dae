package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Modality;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.HistoryFixtures;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.time.LocalDate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A clinician adds a trial in the Treatment history tab and sees the assessment card change: one failed
 * adequate trial becomes two, and the patient becomes TRD. A mistyped agent is refused in the dialog.
 */
class HistoryUiTest extends UiTestBase {
    private static final LocalDate ONSET = TestClinic.TODAY.minusMonths(14);

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        Patient p = c.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 1, 1), null));
        SavedEpisode e = c.history().saveEpisode(p.id(), null, 0, new Episode(null, ONSET, null, Severity.MODERATE), null);
        c.history().saveTrial(p.id(), null, 0, HistoryFixtures.medication(Long.toString(e.id()), "sertraline",
                ONSET.plusDays(14), 10, 100, TrialOutcome.NO_RESPONSE));
        c.history().saveTrial(p.id(), null, 0, new TreatmentTrial(null,
                Long.toString(e.id()), TrialKind.PSYCHOTHERAPY, null, null, null,
                ONSET.plusDays(20), ONSET.plusDays(100), java.util.List.of(), null, TrialOutcome.PARTIAL_RESPONSE, null,
                Modality.CBT, 12, null, null, null));
        TestClinic.addUser(c, ((clinic.threshold.app.ContextBoundServices) c).context(), "front.desk",
                java.util.Set.of("SCHEDULER"));
    }

    private static String tileValue(FxRobot robot, String id) {
        ToggleButton tile = robot.lookup("#tile-" + id).queryAs(ToggleButton.class);
        return ((Label) ((VBox) tile.getGraphic()).getChildren().get(0)).getText();
    }

    @Test
    void addingASecondFailedTrialMakesThePatientTrd(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Lovelace, Ada").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn("Treatment history");
        waitUntil("card shown", () -> robot.lookup("#tile-failed").tryQuery().isPresent());
        assertEquals("1", tileValue(robot, "failed"));
        assertEquals("No", tileValue(robot, "trd"));
        assertTrue(robot.lookup(".assessment-reasons .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("1 failed adequate medication trial")), "TRD reasons shown");

        // A psychotherapy trial opens for editing (no agent, no doses) and is left unchanged.
        TableView<SavedTrial> table = robot.lookup("#trialTable").queryTableView();
        waitUntil("trials listed", () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(t -> t.trial().kind() == TrialKind.PSYCHOTHERAPY).findFirst()
                .orElseThrow()));
        robot.clickOn("#editTrialButton");
        waitUntil("psychotherapy dialog", () -> robot.lookup("#trial-kind").tryQuery().isPresent());
        assertTrue(!robot.lookup("#trial-agent").query().getParent().isVisible(), "no agent field for psychotherapy");
        robot.clickOn("Cancel");
        waitUntil("dialog closed", () -> robot.lookup("#trial-kind").tryQuery().isEmpty());

        robot.clickOn("#addTrialButton");
        waitUntil("trial dialog", () -> robot.lookup("#trial-agent").tryQuery().isPresent());
        robot.clickOn("#trial-agent").write("venlafaxin");
        LocalDate start = ONSET.plusMonths(5);
        DatePicker startPicker = robot.lookup("#trial-start").queryAs(DatePicker.class);
        DatePicker endPicker = robot.lookup("#trial-end").queryAs(DatePicker.class);
        robot.interact(() -> {
            startPicker.setValue(start);
            endPicker.setValue(start.plusWeeks(8));
        });
        // The dose steps sit lower in the dialog's scrolling form: act on them directly.
        robot.interact(() -> robot.lookup("#dose-add").queryButton().fire());
        waitUntil("a dose step row", () -> robot.lookup("#dose-mg-0").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#dose-mg-0").queryTextInputControl().setText("150"));
        @SuppressWarnings("unchecked")
        ComboBox<TrialOutcome> outcome = robot.lookup("#trial-outcome").queryAs(ComboBox.class);
        robot.interact(() -> outcome.setValue(TrialOutcome.NO_RESPONSE));
        robot.interact(() -> robot.lookup("#trial-ok").queryButton().fire());
        waitUntil("the unknown agent is refused", () -> text(robot, "#trial-error").contains("did you mean venlafaxine"));
        robot.interact(() -> robot.lookup("#trial-agent").queryTextInputControl().setText("venlafaxine"));
        robot.interact(() -> robot.lookup("#trial-ok").queryButton().fire());
        waitUntil("dialog closed", () -> robot.lookup("#trial-agent").tryQuery().isEmpty());
        waitUntil("card updated", () -> "2".equals(tileValue(robot, "failed")));
        assertEquals("Yes", tileValue(robot, "trd"));
        assertEquals("2", tileValue(robot, "thase"));
        // The Classes and MGH numbers open the trials behind them.
        robot.clickOn("#tile-classes");
        waitUntil("classes listed with their trials", () -> reasons(robot).stream().anyMatch(r -> r.startsWith("• SSRI: sertraline"))
                && reasons(robot).stream().anyMatch(r -> r.startsWith("• SNRI: venlafaxine")));
        robot.clickOn("#tile-mgh");
        waitUntil("MGH parts named", () -> reasons(robot).stream().filter(r -> r.startsWith("• Failed adequate trial: ")).count() == 2);
        assertEquals(3, table.getItems().size());
        robot.interact(() -> Screenshots.save(stage.getScene(), "treatment-history"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.DARK));
        PatientRegistryUiTest.WaitForThemes.settle(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "treatment-history-dark"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));
    }

    private static java.util.List<String> reasons(FxRobot robot) {
        return onFx(() -> robot.lookup(".assessment-reasons .label").queryAll().stream().map(n -> ((Label) n).getText()).toList());
    }

    @Test
    void aSchedulerOpensTheChartWithoutTheTreatmentHistory(FxRobot robot) {
        robot.interact(flow::signOut);
        waitUntil("sign-in", () -> showing(robot, "#usernameField"));
        robot.clickOn("#usernameField").write("front.desk");
        robot.clickOn("#passwordField").write(TestClinic.PASSWORD);
        robot.clickOn("#signInButton");
        waitUntil("main window", () -> showing(robot, "#patientsNav"));
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Lovelace, Ada").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        java.util.List<String> tabs = onFx(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class)
                .stream().flatMap(p -> p.getTabs().stream()).map(javafx.scene.control.Tab::getText).toList());
        assertTrue(tabs.contains("Appointments"), "the scheduler's chart: " + tabs);
        assertTrue(!tabs.contains("Treatment history"), "no treatment history for a scheduler: " + tabs);
        assertTrue(robot.lookup("#tile-failed").tryQuery().isEmpty(), "and no assessment card anywhere");
    }

    @Test
    void theReferenceDataScreenMarksUnconfirmedNumbers(FxRobot robot) {
        robot.clickOn("#referenceNav");
        TableView<?> formulary = robot.lookup("#formularyTable").queryTableView();
        waitUntil("formulary loaded", () -> formulary.getItems().size() > 30);
        assertTrue(text(robot, "#unconfirmedLabel").contains("unconfirmed"), text(robot, "#unconfirmedLabel"));
        // Under X11 the columns before the last were squeezed to nothing when the table was first laid out hidden:
        // each keeps at least three quarters of its width.
        var columns = formulary.getColumns();
        for (int i = 0; i < columns.size() - 1; i++) {
            assertTrue(columns.get(i).getMinWidth() >= columns.get(i).getPrefWidth() * 0.75 - 0.01,
                    columns.get(i).getText() + " min " + columns.get(i).getMinWidth());
        }
        robot.clickOn("#filterField").write("ssri");
        waitUntil("filtered to the SSRIs", () -> formulary.getItems().size() == 7);
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-data"));
    }
}
