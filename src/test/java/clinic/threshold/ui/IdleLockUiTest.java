package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After the idle time no patient text is on screen; only the same user's password brings it back. */
class IdleLockUiTest extends UiTestBase {
    static final String NAME = "Quillfeatherstone";

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        c.patients().create(TestClinic.person("Ada", NAME, LocalDate.of(1980, 4, 23), "555 201 3344"));
    }

    /** Every text a person could read in any showing window. */
    private static List<String> visibleTexts() {
        List<String> out = new ArrayList<>();
        robotInteract(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), out);
                }
            }
        });
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (n instanceof TableView<?> table) {
            table.getItems().forEach(i -> out.add(String.valueOf(i)));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    private static void robotInteract(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void idleTimeLocksHidesPatientDataAndKeepsOpenForms(FxRobot robot) {
        TableView<?> table = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> table.getItems().size() == 1);
        robot.doubleClickOn(robot.from(table).lookup(NAME + ", Ada").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#editButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#editButton");
        waitUntil("editor", () -> robot.lookup("#notesArea").tryQuery().isPresent()
                && NAME.equals(text(robot, "#familyNameField")));
        robot.clickOn("#notesArea").write("typed before the lock");
        assertTrue(visibleTexts().stream().anyMatch(t -> t.contains(NAME)), "the name is on screen before");

        clock.advance(Duration.ofMinutes(9));
        robot.interact(flow::checkIdleNow);
        assertFalse(flow.locked(), "nine minutes is not yet idle");
        clock.advance(Duration.ofMinutes(2));
        robot.interact(flow::checkIdleNow);
        waitUntil("locked", () -> flow.locked());
        List<String> shown = visibleTexts();
        assertTrue(shown.stream().noneMatch(t -> t.contains(NAME) || t.contains("3344")), shown.toString());
        robot.interact(() -> Screenshots.save(stage.getScene(), "locked"));

        robot.clickOn("#unlockPassword").write("somebody else's password");
        robot.clickOn("#unlockButton");
        waitUntil("refused", () -> text(robot, "#messageLabel").contains("not the right password"));
        assertTrue(flow.locked());
        robot.clickOn("#unlockPassword").write(TestClinic.PASSWORD);
        robot.clickOn("#unlockButton");
        waitUntil("unlocked", () -> !flow.locked());
        waitUntil("the form is back with the typing",
                () -> robot.lookup("#notesArea").tryQuery().isPresent()
                        && "typed before the lock".equals(text(robot, "#notesArea")));
        var events = clinic.audit().page(AuditFilter.ALL, null).stream()
                .map(r -> r.action() + ":" + r.outcome()).toList();
        assertEquals(List.of("session.unlock:SUCCESS", "session.unlock:FAILED", "session.lock:SUCCESS"),
                events.subList(0, 3));

        robot.clickOn("#cancelButton");
        waitUntil("discard question", () -> dialog("Discard changes?").isPresent());
        robot.clickOn(robot.from(dialog("Discard changes?").orElseThrow()).lookup("OK").queryButton());
    }

    @Test
    void theLongerIdleTimeSignsOut(FxRobot robot) {
        clock.advance(Duration.ofMinutes(31));
        robot.interact(flow::checkIdleNow);
        waitUntil("sign-in screen", () -> robot.lookup("#signInButton").tryQuery().isPresent());
        assertTrue(text(robot, "#messageLabel").contains("signed out"), text(robot, "#messageLabel"));
        assertTrue(visibleTexts().stream().noneMatch(t -> t.contains(NAME)));
        clinic = null; // the flow closed it
    }
}
