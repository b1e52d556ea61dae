package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.testing.Screenshots;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * An administrator reviews the payer policies in Reference data: verifies one, edits another into a new version; and
 * the exclusion rules beside them: unconfirmed and design mappings marked, a rule added through the form and retired.
 */
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

    private TableView<ExclusionRuleRow> openExclusionRules(FxRobot robot) {
        robot.clickOn("#referenceNav");
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> "Exclusions in the chart".equals(l.getText())).findFirst().orElseThrow()));
        TableView<ExclusionRuleRow> table = robot.lookup("#exclusionRuleTable").queryTableView();
        waitUntil("rules listed", () -> onFx(() -> table.getItems().size()) == 14);
        return table;
    }

    private static String key(ExclusionRule r) {
        return r.exclusion() + "/" + r.evidence() + "/" + r.match();
    }

    /** The rules whose confidence cell shows the review marker, as drawn in the visible rows. */
    private static Set<String> reviewMarkedNow(FxRobot robot) {
        return onFx(() -> robot.lookup("#exclusionRuleTable .exclusion-rule-review").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(Node::isVisible)
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() instanceof ExclusionRuleRow)
                .filter(c -> c.getStyleClass().contains("warning"))
                .map(c -> key(((ExclusionRuleRow) c.getTableRow().getItem()).rule())).collect(java.util.stream.Collectors
                        .toCollection(TreeSet::new)));
    }

    /** The marked rules over the whole table: the rows drawn at the top and at the bottom. */
    private static Set<String> reviewMarked(FxRobot robot, TableView<ExclusionRuleRow> table) {
        Set<String> marked = new TreeSet<>();
        robot.interact(() -> table.scrollTo(0));
        marked.addAll(reviewMarkedNow(robot));
        robot.interact(() -> table.scrollTo(table.getItems().size() - 1));
        marked.addAll(reviewMarkedNow(robot));
        return marked;
    }

    @Test
    void theExclusionRulesListTheSeedWithUnconfirmedAndDesignMappingsMarked(FxRobot robot) {
        TableView<ExclusionRuleRow> table = openExclusionRules(robot);
        Set<String> needReview = onFx(() -> table.getItems().stream().map(ExclusionRuleRow::rule)
                .filter(r -> r.confidence() == Confidence.UNCONFIRMED || r.confidence() == Confidence.DESIGN).map(r -> key(r))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertEquals(11, needReview.size(), "V023: 4 unconfirmed, 7 design mappings, 3 from secondary sources");
        waitUntil("markers drawn", () -> reviewMarked(robot, table).equals(needReview));
        assertFalse(reviewMarked(robot, table).contains("BIPOLAR_OR_SCHIZOPHRENIA/DIAGNOSIS/F31"), "secondary: no marker");
        assertEquals("11 rules are unconfirmed or a design mapping: review before use",
                text(robot, "#exclusionRuleReviewLabel"));
        List<String> words = onFx(() -> robot.lookup("#exclusionRuleTable .exclusion-rule-review").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).distinct().sorted().toList());
        assertEquals(List.of("design default", "unconfirmed"), words, "the marker says which");
        robot.interact(() -> table.scrollTo(0));
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-payer-exclusions"));
    }

    @Test
    void anAdministratorAddsARuleThroughTheFormAndRetiresIt(FxRobot robot) {
        TableView<ExclusionRuleRow> table = openExclusionRules(robot);
        robot.clickOn("#exclusionRuleAddButton");
        waitUntil("form", () -> robot.lookup("#exclusionRuleCondition").tryQuery().isPresent());
        ComboBox<Exclusion> condition = robot.lookup("#exclusionRuleCondition").queryComboBox();
        ComboBox<ExclusionRule.Evidence> evidence = robot.lookup("#exclusionRuleEvidence").queryComboBox();
        robot.interact(() -> {
            condition.setValue(Exclusion.METAL_NEAR_COIL);
            evidence.setValue(ExclusionRule.Evidence.SCREENING);
            robot.lookup("#exclusionRuleMatch").queryTextInputControl().setText("1/99");
            robot.lookup("#exclusionRuleSource").queryTextInputControl().setText("screening form 1 item 12 (pacemaker)");
        });
        assertTrue(text(robot, "#exclusionRuleMatchHint").contains("form/item"), "the hint follows the kind of record");
        List<String> missing = onFx(() -> robot.lookup(".label").queryAll().stream().map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && t.startsWith("!")).toList());
        assertEquals(List.of(), missing, "every label of the form has its words");
        robot.interact(() -> Screenshots.save(robot.lookup("#exclusionRuleMatch").query().getScene(),
                "reference-payer-exclusion-form"));
        robot.interact(() -> robot.lookup("#exclusionRuleOk").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#exclusionRuleOk-error").contains("screening form 1 has no item 99"));

        robot.interact(() -> robot.lookup("#exclusionRuleMatch").queryTextInputControl().setText("1/12"));
        robot.interact(() -> robot.lookup("#exclusionRuleOk").queryButton().fire());
        waitUntil("added", () -> onFx(() -> table.getItems().size()) == 15);
        assertTrue(text(robot, "#exclusionRuleMessage").contains("Rule added"), text(robot, "#exclusionRuleMessage"));
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> key(r.rule()).equals("METAL_NEAR_COIL/SCREENING/1/12")).findFirst().orElseThrow()));

        robot.clickOn("#exclusionRuleRetireButton");
        waitUntil("asked to confirm", () -> dialog("Retire exclusion rule").isPresent());
        robot.clickOn(robot.from(dialog("Retire exclusion rule").orElseThrow()).lookup("OK").queryButton());
        waitUntil("retired", () -> onFx(() -> table.getItems().stream().anyMatch(r -> key(r.rule())
                .equals("METAL_NEAR_COIL/SCREENING/1/12") && !r.active())));
        assertEquals(15, onFx(() -> table.getItems().size()), "kept, listed as retired");
        assertTrue(text(robot, "#exclusionRuleMessage").contains("Rule retired"), text(robot, "#exclusionRuleMessage"));
    }
}
