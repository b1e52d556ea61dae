package clinic.threshold.ui;

import clinic.threshold.domain.user.UserAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.service.user.UserService;
import clinic.threshold.testing.Screenshots;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** An administrator creates an account and reads and verifies the audit trail. */
class AdminScreensUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Test
    void administratorCreatesAUserWithATemporaryPassword(FxRobot robot) {
        robot.clickOn("#usersNav");
        TableView<UserAccount> users = robot.lookup("#usersTable").queryTableView();
        waitUntil("accounts listed", () -> users.getItems().size() == 2);
        robot.clickOn("#newUserButton");
        robot.clickOn("#newUsername").write("front.desk");
        robot.clickOn("#newDisplayName").write("Front Desk");
        robot.clickOn("#newPassword").write("temporary pass 1");
        robot.clickOn("#role-SCHEDULER");
        robot.clickOn("OK");
        waitUntil("created", () -> users.getItems().size() == 3);
        UserAccount row = users.getItems().stream().filter(r -> r.user().username().equals("front.desk"))
                .findFirst().orElseThrow();
        assertEquals(java.util.Set.of("SCHEDULER"), row.user().roles());
        assertTrue(row.user().mustChangePassword());
        assertTrue(text(robot, "#messageLabel").contains("front.desk"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "users"));
    }

    @Test
    void auditTrailIsListedNewestFirstAndVerifies(FxRobot robot) {
        robot.clickOn("#auditNav");
        TableView<AuditRecord> audit = robot.lookup("#auditTable").queryTableView();
        waitUntil("events listed", () -> !audit.getItems().isEmpty());
        assertEquals("user.signin", audit.getItems().stream().filter(r -> !r.action().startsWith("audit."))
                .findFirst().orElseThrow().action());
        robot.clickOn("#verifyButton");
        waitUntil("verified", () -> text(robot, "#messageLabel").contains("intact"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "audit"));
    }

    @Test
    void anAdministratorClosesTheClinicForAHolidayAndReopensIt(FxRobot robot) {
        robot.clickOn("#calendarNav");
        TableView<clinic.threshold.domain.tms.ClinicClosure> closures = robot.lookup("#closureTable").queryTableView();
        waitUntil("open days shown", () -> robot.lookup("#open-MONDAY").queryAs(javafx.scene.control.CheckBox.class)
                .isSelected());
        assertTrue(!robot.lookup("#open-SATURDAY").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.clickOn("#closureDate").write("2026-12-25");
        robot.clickOn("#closureYearly");
        robot.clickOn("#closureLabel").write("Christmas Day");
        robot.clickOn("#addClosureButton");
        waitUntil("listed", () -> closures.getItems().size() == 1);
        assertTrue(closures.getItems().get(0).yearly());
        assertEquals("Closure added.", text(robot, "#messageLabel"));
        robot.clickOn("#closureDate").write("2026-12-25");
        robot.clickOn("#closureYearly");
        robot.clickOn("#closureLabel").write("again");
        robot.clickOn("#addClosureButton");
        waitUntil("refused", () -> text(robot, "#messageLabel").contains("already closed"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "clinic-calendar"));
        robot.interact(() -> closures.getSelectionModel().select(0));
        robot.clickOn("#removeClosureButton");
        waitUntil("reopened", () -> closures.getItems().isEmpty());
    }

    @Test
    void anAdministratorEditsATmsProtocolAndSeesItMarkedConfirmed(FxRobot robot) {
        robot.clickOn("#referenceNav");
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (javafx.scene.control.Labeled) n)
                .filter(l -> l.getText().equals("TMS")).findFirst().orElseThrow());
        TableView<clinic.threshold.domain.tms.Protocol> protocols = robot.lookup("#tms-protocols").queryTableView();
        waitUntil("protocols listed", () -> protocols.getItems().size() == 5);
        robot.interact(() -> protocols.getSelectionModel().select(protocols.getItems().stream()
                .filter(p -> p.code().equals("DTMS_H1")).findFirst().orElseThrow()));
        robot.clickOn("#editProtocolButton");
        waitUntil("form", () -> robot.lookup("#tms-protocol-name").tryQuery().isPresent());
        assertEquals("2,2,2,2,2,2,2,2,2,2,2,2", text(robot, "#tms-protocol-taper"));
        robot.interact(() -> robot.lookup("#tms-protocol-max").queryTextInputControl().setText("110"));
        robot.interact(() -> robot.lookup("#tms-protocol-ok").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#tms-protocol-ok-error").contains("% of motor threshold"));
        robot.interact(() -> robot.lookup("#tms-protocol-max").queryTextInputControl().setText("120"));
        robot.interact(() -> robot.lookup("#tms-protocol-taper").queryTextInputControl().setText("3,2,1"));
        robot.interact(() -> robot.lookup("#tms-protocol-ok").queryButton().fire());
        waitUntil("saved", () -> protocols.getItems().stream().anyMatch(p -> p.code().equals("DTMS_H1")
                && p.template().taperPattern().equals(java.util.List.of(3, 2, 1))));
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-tms"));
    }

    @Test
    void anAdministratorSavesANewVersionOfTheScreeningForm(FxRobot robot) {
        robot.clickOn("#referenceNav");
        // The last tab may sit in the tab bar's overflow menu on a small window: selected directly.
        robot.interact(() -> robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class).stream()
                .flatMap(p -> p.getTabs().stream()).filter(t -> t.getText().equals("Screening form")).findFirst()
                .ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        TableView<clinic.threshold.domain.tms.ScreeningItem> items = robot.lookup("#tms-screening-items").queryTableView();
        waitUntil("form listed", () -> items.getItems().size() == 19);
        assertEquals("Safety screening form, version 1", text(robot, "#screeningLabel"));
        robot.interact(() -> robot.lookup("#screeningVersionButton").queryButton().fire());
        waitUntil("editor", () -> robot.lookup("#tms-screening-6-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#tms-screening-6-text").queryTextInputControl()
                .setText("Epilepsy, or any seizure or convulsion ever"));
        robot.interact(() -> robot.lookup("#tms-screening-6-source").queryTextInputControl().setText(" "));
        robot.interact(() -> robot.lookup("#tms-screening-18-retire").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        robot.interact(() -> robot.lookup("#tms-screening-add").queryButton().fire());
        waitUntil("new row", () -> robot.lookup("#tms-screening-20-text").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#tms-screening-20-text").queryTextInputControl().setText("Recent sleep deprivation"));
        robot.interact(() -> robot.lookup("#tms-screening-20-source").queryTextInputControl()
                .setText("reviewed by Dr Osei, 2026-11-28"));
        robot.interact(() -> Screenshots.save(robot.lookup("#tms-screening-ok").query().getScene(), "reference-screening-version"));
        robot.interact(() -> robot.lookup("#tms-screening-ok").queryButton().fire());
        waitUntil("refused", () -> text(robot, "#tms-screening-ok-error").contains("item 6: say where its wording comes from"));
        robot.interact(() -> robot.lookup("#tms-screening-6-source").queryTextInputControl()
                .setText("reviewed by Dr Osei, 2026-11-28"));
        robot.interact(() -> robot.lookup("#tms-screening-ok").queryButton().fire());
        waitUntil("saved", () -> text(robot, "#screeningLabel").equals("Safety screening form, version 2"));
        waitUntil("listed", () -> items.getItems().size() == 19 && items.getItems().stream().anyMatch(i -> i.number() == 20)
                && items.getItems().stream().noneMatch(i -> i.number() == 18));
        assertEquals("Epilepsy, or any seizure or convulsion ever", items.getItems().stream().filter(i -> i.number() == 6)
                .findFirst().orElseThrow().text());
        robot.interact(() -> Screenshots.save(stage.getScene(), "reference-screening-form"));
    }
}
