package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.PayerFixture;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import java.time.LocalDate;
import java.util.Arrays;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The chart's Payer tab: ready for one patient, the missing score named for another. */
class PayerUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        for (String family : new String[] {"Ready", "Waiting"}) {
            var p = c.patients().create(new PatientDetails(null, "Rae", family, null, LocalDate.of(1981, 5, 1), Sex.FEMALE, null,
                    null, null, null, null, 7, "M-1", null, "F33.2", null));
            c.historyTransfer().importJson(PayerFixture.history(p.mrn()));
            AuthorizationFixture.screen(c, p.id(), TestClinic.TODAY.minusDays(5));
            if (family.equals("Ready")) {
                c.outcomes().record(p.id(), new ScaleEntry("PHQ9", TestClinic.TODAY.minusDays(2),
                        Arrays.asList(3, 3, 3, 2, 2, 2, 2, 2, 0), null, "patient"), false);
            }
        }
    }

    private TableView<?> openPayer(FxRobot robot, String name) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 2);
        robot.doubleClickOn(robot.from(list).lookup(name).queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> "Payer".equals(l.getText())).findFirst().orElseThrow()));
        TableView<?> table = robot.lookup("#payerCriteriaTable").queryTableView();
        waitUntil("criteria shown", () -> table.getItems().size() >= 6);
        return table;
    }

    @Test
    void aPatientWhoMeetsThePolicyIsReady(FxRobot robot) {
        openPayer(robot, "Ready, Rae");
        assertTrue(text(robot, "#payerOverallLabel").startsWith("Ready"), text(robot, "#payerOverallLabel"));
        assertTrue(text(robot, "#payerPolicyLabel").startsWith("Centene / Ambetter"), text(robot, "#payerPolicyLabel"));
        assertTrue(onFx(() -> robot.lookup("#payerUnverifiedLabel").query().isVisible()), "the seeded policy is unverified");
        robot.interact(() -> Screenshots.save(stage.getScene(), "payer-readiness"));
    }

    @Test
    void theMissingScoreIsNamed(FxRobot robot) {
        openPayer(robot, "Waiting, Rae");
        assertTrue(text(robot, "#payerOverallLabel").startsWith("Missing information"), text(robot, "#payerOverallLabel"));
        waitUntil("the severity row says what to record", () -> onFx(() -> robot.lookup("#payerCriteriaTable .table-cell").queryAll()
                .stream().map(n -> ((Labeled) n).getText()).anyMatch(t -> t != null && t.contains("record a baseline score: PHQ9"))));
    }
}
