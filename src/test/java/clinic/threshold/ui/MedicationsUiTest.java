package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Orders;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A clinician plans a cross-taper in the Medications tab: a switch to an MAOI shows the interaction and
 * washout hard stops live and is refused until an override is written; a switch to mirtazapine is saved and
 * the overlap shows on the timeline.
 */
class MedicationsUiTest extends UiTestBase {
    private static final LocalDate TODAY = TestClinic.TODAY;

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        Patient p = c.patients().create(TestClinic.person("Grace", "Hopper", LocalDate.of(1979, 12, 9), null));
        c.history().saveEpisode(p.id(), null, 0, new Episode(null, TODAY.minusMonths(8), null, Severity.SEVERE), null);
        c.medications().saveOrder(p.id(), null, 0, Orders.daily("citalopram", TODAY.minusMonths(3), "40"), null);
        c.medications().saveOrder(p.id(), null, 0, Orders.daily("bupropion", TODAY.minusMonths(2), "150"), null);
    }

    private static String alerts(FxRobot robot) {
        return robot.lookup("#medication-alerts").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
    }

    private void openMedications(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Hopper, Grace").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        // The tab header, not the tab's own title of the same word.
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText().equals("Medications")).findFirst().orElseThrow());
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        waitUntil("orders listed", () -> orders.getItems().size() == 2);
        assertTrue(robot.lookup(".medication-flag").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("bupropion lowers the seizure threshold")), "seizure flag on the tab");
        assertTrue(text(robot, "#medicationFlagsLabel").contains("Lowers the seizure threshold: bupropion, citalopram"),
                "and on the chart header: " + text(robot, "#medicationFlagsLabel"));
    }

    private void startSwitchFromCitalopram(FxRobot robot) {
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        robot.interact(() -> orders.getSelectionModel().select(orders.getItems().stream()
                .filter(o -> o.order().agent().equals("citalopram")).findFirst().orElseThrow()));
        assertTrue(!robot.lookup("#switchButton").queryButton().isDisabled(), "cross-taper offered for a current order");
        robot.clickOn("#switchButton");
        waitUntil("cross-taper dialog", () -> robot.lookup("#switch-to").tryQuery().isPresent());
        // Pre-filled taper: 40 mg halved weekly to a stop on day 21.
        assertEquals("20", robot.lookup("#switch-down-0").queryTextInputControl().getText());
        assertEquals("0", robot.lookup("#switch-down-3").queryTextInputControl().getText());
    }

    @Test
    void aSwitchToAnMaoiShowsTheHardStopsAndNeedsAnOverride(FxRobot robot) {
        openMedications(robot);
        startSwitchFromCitalopram(robot);
        robot.clickOn("#switch-to").write("phenelzine");
        robot.interact(() -> robot.lookup("#switch-up-1").queryTextInputControl().setText("15"));
        waitUntil("overlap computed", () -> text(robot, "#switch-overlap").contains("14 days of overlap"));
        waitUntil("the interaction shows live", () -> alerts(robot).contains("An MAOI with an SSRI"));
        assertTrue(alerts(robot).contains("Hard stop"), alerts(robot));
        assertTrue(robot.lookup("#medication-override").query().isVisible(), "the override field appears");

        // Starting after the taper ends, but only 7 days later: the washout is still a hard stop.
        robot.interact(() -> {
            robot.lookup("#switch-up-1").queryTextInputControl().setText("");
            robot.lookup("#switch-up-3").queryTextInputControl().setText("15");
            robot.lookup("#switch-day-3").queryTextInputControl().setText("21");
        });
        robot.interact(() -> robot.lookup("#switch-ok").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#switch-error").contains("documented override"));
        assertTrue(alerts(robot).contains("Wait at least 2 weeks"), alerts(robot));
        robot.interact(() -> Screenshots.save(robot.lookup("#switch-to").query().getScene(), "medications-hard-stop"));

        robot.interact(() -> robot.lookup("#medication-override").queryTextInputControl()
                .setText("inpatient switch, supervised by Dr Kline"));
        robot.interact(() -> robot.lookup("#switch-ok").queryButton().fire());
        waitUntil("dialog closed", () -> robot.lookup("#switch-to").tryQuery().isEmpty());
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        waitUntil("phenelzine planned", () -> orders.getItems().size() == 3);
        SavedOrder phenelzine = orders.getItems().stream().filter(o -> o.order().agent().equals("phenelzine"))
                .findFirst().orElseThrow();
        assertEquals("inpatient switch, supervised by Dr Kline", phenelzine.overrideReason());
    }

    @Test
    void aCrossTaperToMirtazapineIsPlannedInUnderAMinuteAndShowsItsOverlap(FxRobot robot) {
        openMedications(robot);
        startSwitchFromCitalopram(robot);
        robot.clickOn("#switch-to").write("mirtazapine");
        robot.interact(() -> {
            robot.lookup("#switch-up-1").queryTextInputControl().setText("15");
            robot.lookup("#switch-up-2").queryTextInputControl().setText("30");
        });
        waitUntil("overlap computed", () -> text(robot, "#switch-overlap").contains("14 days of overlap"));
        waitUntil("checked", () -> !alerts(robot).isBlank());
        assertTrue(!alerts(robot).contains("Hard stop"), alerts(robot));
        robot.interact(() -> robot.lookup("#switch-ok").queryButton().fire());
        waitUntil("dialog closed", () -> robot.lookup("#switch-to").tryQuery().isEmpty());
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        waitUntil("mirtazapine planned", () -> orders.getItems().size() == 3);
        waitUntil("overlap band on the timeline", () -> onFx(() -> !robot.lookup(".timeline-overlap").queryAll().isEmpty()));
        Node planned = robot.lookup(".timeline-dose.planned").query();
        assertTrue(planned != null, "planned doses drawn");
        robot.interact(() -> orders.getSelectionModel().select(orders.getItems().stream()
                .filter(o -> o.order().agent().equals("citalopram")).findFirst().orElseThrow()));
        robot.interact(() -> Screenshots.save(stage.getScene(), "medications"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.DARK));
        PatientRegistryUiTest.WaitForThemes.settle(robot);
        robot.interact(() -> Screenshots.save(stage.getScene(), "medications-dark"));
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));
    }

    @Test
    void administratorsSeeTheSafetyRulesWithTheirSourcesAndUnconfirmedOnesMarked(FxRobot robot) {
        robot.clickOn("#referenceNav");
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText().equals("Medication safety rules")).findFirst().orElseThrow());
        TableView<?> rules = robot.lookup("#medicationRulesTable").queryTableView();
        waitUntil("rules loaded", () -> rules.getItems().size() >= 20);
        assertTrue(robot.lookup(".table-cell.warning").queryAll().stream().anyMatch(n -> n.isVisible()),
                "unconfirmed rules in the warning colour");
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-medication-rules"));
    }

    @Test
    void stoppingAnOrderProposesTheTrialAndConfirmingPutsItInTheHistory(FxRobot robot) {
        openMedications(robot);
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        robot.interact(() -> orders.getSelectionModel().select(orders.getItems().stream()
                .filter(o -> o.order().agent().equals("citalopram")).findFirst().orElseThrow()));
        robot.clickOn("#stopButton");
        waitUntil("stop dialog", () -> robot.lookup("#stop-reason").tryQuery().isPresent());
        robot.clickOn("#stop-ok");
        waitUntil("the trial is proposed", () -> robot.lookup("#proposal-confirm").tryQuery().isPresent());
        robot.interact(() -> Screenshots.save(robot.lookup("#proposal-confirm").query().getScene(), "medications-trial-proposal"));
        robot.clickOn("#proposal-confirm");
        waitUntil("proposal closed", () -> robot.lookup("#proposal-confirm").tryQuery().isEmpty());
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText().equals("Treatment history")).findFirst().orElseThrow());
        TableView<?> trials = robot.lookup("#trialTable").queryTableView();
        waitUntil("the confirmed trial is in the history", () -> trials.getItems().size() == 1);
        var trial = (SavedTrial) trials.getItems().get(0);
        assertEquals("citalopram", trial.trial().agent());
        assertEquals(TrialOutcome.NO_RESPONSE, trial.trial().outcome());
    }

    @Test
    void aTitrationPlanWarnsOfAPlannedDoseAboveTheLimitAndIsSaved(FxRobot robot) {
        openMedications(robot);
        TableView<SavedOrder> orders = robot.lookup("#orderTable").queryTableView();
        robot.interact(() -> orders.getSelectionModel().select(orders.getItems().stream()
                .filter(o -> o.order().agent().equals("bupropion")).findFirst().orElseThrow()));
        robot.clickOn("#planButton");
        waitUntil("plan dialog", () -> robot.lookup("#plan-dose-0").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#plan-dose-0").queryTextInputControl().setText("300");
            robot.lookup("#plan-dose-1").queryTextInputControl().setText("600");
        });
        waitUntil("the planned 600 mg is a hard stop", () -> alerts(robot).contains("Bupropion above 450 mg/day"));
        robot.interact(() -> robot.lookup("#plan-dose-1").queryTextInputControl().setText("450"));
        waitUntil("within the limit", () -> !alerts(robot).contains("above 450"));
        // The order is immediate-release bupropion: 300 mg in one dose breaks the 150 mg per-dose limit.
        assertTrue(alerts(robot).contains("Immediate-release bupropion"), alerts(robot));
        robot.interact(() -> robot.lookup("#plan-ok").queryButton().fire());
        waitUntil("refused without an override", () -> text(robot, "#plan-error").contains("documented override"));
        robot.interact(() -> robot.lookup("#medication-override").queryTextInputControl()
                .setText("switching to XL at the pharmacy; dose taken as one XL tablet"));
        robot.interact(() -> robot.lookup("#plan-ok").queryButton().fire());
        waitUntil("dialog closed", () -> robot.lookup("#plan-dose-0").tryQuery().isEmpty());
        waitUntil("the next step shows", () -> orders.getItems().stream().anyMatch(o -> o.order().agent().equals("bupropion"))
                && robot.lookup("#orderTable").queryTableView().getItems().size() == 2
                && onFx(() -> robot.lookup(".table-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().endsWith(": 300 mg"))));
    }
}
