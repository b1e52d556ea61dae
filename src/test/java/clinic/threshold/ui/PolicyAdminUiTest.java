package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.testing.Screenshots;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** An administrator reviews the payer policies in Reference data: verifies one, edits another into a new version. */
class PolicyAdminUiTest extends UiTestBase {
    static final String AETNA = "AETNA_CPB_0469";

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    private TableView<PolicyRow> openPolicies(FxRobot robot) {
        robot.clickOn("#referenceNav");
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> "Payer policies".equals(l.getText())).findFirst().orElseThrow()));
        TableView<PolicyRow> table = robot.lookup("#policyAdminTable").queryTableView();
        waitUntil("policies listed", () -> onFx(() -> table.getItems().size()) == 8);
        return table;
    }

    private static void select(FxRobot robot, TableView<PolicyRow> table, String code) {
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.policy().code().equals(code)).findFirst().orElseThrow()));
    }

    /** The codes of the rows whose verified cell shows the unverified marker, as drawn. */
    private static List<String> markedRows(FxRobot robot) {
        return onFx(() -> robot.lookup("#policyAdminTable .policy-unverified").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(Node::isVisible)
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof PolicyRow)
                .map(c -> ((PolicyRow) c.getTableRow().getItem()).policy().code()).sorted().toList());
    }

    @Test
    void anAdministratorVerifiesAPolicyAndItsMarkerGoes(FxRobot robot) {
        TableView<PolicyRow> table = openPolicies(robot);
        waitUntil("markers drawn", () -> markedRows(robot).contains(AETNA));
        assertEquals("8 policies unverified: review before use", text(robot, "#policyAdminUnverifiedLabel"));
        assertTrue(onFx(() -> robot.lookup("#policyAdminTable .policy-unverified").queryAll().stream()
                .allMatch(n -> n.getStyleClass().contains("warning"))), "the marker is in the warning style");

        select(robot, table, AETNA);
        robot.clickOn("#policyAdminVerifyButton");
        waitUntil("asked to confirm", () -> dialog("Verify payer policy").isPresent());
        robot.clickOn(robot.from(dialog("Verify payer policy").orElseThrow()).lookup("OK").queryButton());
        waitUntil("verified", () -> onFx(() -> table.getItems().stream().anyMatch(r -> r.policy().code().equals(AETNA)
                && r.verified())));
        waitUntil("marker gone", () -> !markedRows(robot).contains(AETNA) && !markedRows(robot).isEmpty());
        assertEquals("7 policies unverified: review before use", text(robot, "#policyAdminUnverifiedLabel"));
        String verifiedCell = onFx(() -> robot.lookup("#policyAdminTable .table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof PolicyRow r
                        && r.policy().code().equals(AETNA) && c.getText() != null && c.getText().contains("by tester"))
                .map(Labeled::getText).findFirst().orElse(""));
        assertEquals("2026-11-27 by tester", verifiedCell);
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-payer-policies"));
    }

    @Test
    void anEditIsRefusedWhenItContradictsItselfAndOtherwiseBecomesAnUnverifiedVersion(FxRobot robot) {
        TableView<PolicyRow> table = openPolicies(robot);
        select(robot, table, AETNA);
        robot.clickOn("#policyAdminEditButton");
        waitUntil("form", () -> robot.lookup("#policyAdminPayer").tryQuery().isPresent());
        assertEquals("Aetna", text(robot, "#policyAdminPayer"));
        assertEquals("18", text(robot, "#policyAdminMinAge"));
        List<String> missing = onFx(() -> robot.lookup(".label").queryAll().stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && t.startsWith("!")).toList());
        assertEquals(List.of(), missing, "every label of the form has its words");
        robot.interact(() -> Screenshots.save(robot.lookup("#policyAdminPayer").query().getScene(), "reference-payer-policy-form"));

        robot.interact(() -> robot.lookup("#policyAdminMaxAge").queryTextInputControl().setText("17"));
        robot.interact(() -> robot.lookup("#policyAdminOk").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#policyAdminOk-error").contains("highest age 17 is below the lowest 18"));
        assertTrue(text(robot, "#policyAdminOk-error").contains(AETNA), "the message names the policy");

        robot.interact(() -> robot.lookup("#policyAdminMaxAge").queryTextInputControl().setText(""));
        robot.interact(() -> robot.lookup("#policyAdminInitial").queryTextInputControl().setText("36"));
        robot.interact(() -> robot.lookup("#policyAdminOk").queryButton().fire());
        waitUntil("saved", () -> onFx(() -> table.getItems().stream().anyMatch(r -> r.policy().code().equals(AETNA)
                && r.policy().version() == 2)));
        PolicyRow aetna = onFx(() -> table.getItems().stream().filter(r -> r.policy().code().equals(AETNA)).findFirst()
                .orElseThrow());
        assertEquals(36, aetna.policy().initialSessions());
        assertFalse(aetna.verified());
        assertTrue(text(robot, "#policyAdminMessage").contains("version 2"), text(robot, "#policyAdminMessage"));
    }
}
