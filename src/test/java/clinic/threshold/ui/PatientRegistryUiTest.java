package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The registry as a user clicks through it: create, find, edit, discharge, duplicates, validation. */
class PatientRegistryUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        c.patients().create(TestClinic.person("Grace", "Hopper", LocalDate.of(1950, 12, 9), "555 300 9999"));
        c.patients().create(TestClinic.person("Alan", "Turing", LocalDate.of(1962, 6, 23), "555 300 1111"));
    }

    private Stage editorStage(FxRobot robot) {
        return (Stage) robot.lookup("#givenNameField").query().getScene().getWindow();
    }

    private void fillNewPatient(FxRobot robot, String given, String family, String birth, String phone) {
        robot.clickOn("#givenNameField").write(given);
        robot.clickOn("#familyNameField").write(family);
        DatePicker dob = robot.lookup("#birthDatePicker").queryAs(DatePicker.class);
        robot.clickOn(dob.getEditor()).write(birth);
        ComboBox<Sex> sex = robot.lookup("#sexCombo").queryAs(ComboBox.class);
        robot.interact(() -> sex.setValue(Sex.FEMALE));
        robot.clickOn("#phoneField").write(phone);
    }

    @Test
    void createFindEditAndDischargeAPatient(FxRobot robot) {
        robot.clickOn("#newPatientButton");
        waitUntil("the editor is loaded", () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        fillNewPatient(robot, "Ada", "Lovelace", "1980-04-23", "(555) 201-3344");
        robot.clickOn("#emailField").write("ada@example.org");
        SearchableComboBox<DiagnosisCode> dx = robot.lookup("#diagnosisCombo").queryAs(SearchableComboBox.class);
        robot.interact(() -> dx.setValue(dx.getItems().stream().filter(d -> d.code().equals("F33.2")).findFirst()
                .orElseThrow()));
        waitUntil("the payer note shows", () -> text(robot, "#diagnosisNote").contains("unconfirmed"));
        robot.interact(() -> Screenshots.save(editorStage(robot).getScene(), "patient-editor"));
        robot.clickOn("#saveButton");

        // Saving opens the new chart.
        waitUntil("the chart opens", () -> robot.lookup("#nameLabel").tryQuery().isPresent()
                && text(robot, "#nameLabel").equals("Lovelace, Ada"));
        assertTrue(text(robot, "#summaryLabel").contains("MRN TH0000034"), text(robot, "#summaryLabel"));
        assertEquals("Active", text(robot, "#statusBadge"));
        robot.interact(() -> Screenshots.save(stage.getScene(), "patient-chart"));

        // Find them from the patient list by phone suffix.
        robot.clickOn("#patientsNav");
        robot.clickOn("#searchField").write("3344");
        TableView<PatientSummary> table = robot.lookup("#table").queryTableView();
        waitUntil("the search narrows to Ada", () -> table.getItems().size() == 1
                && table.getItems().get(0).familyName().equals("Lovelace"));

        // Edit: open the chart from the list (the open chart's tab comes to the front), change the phone.
        TabPane tabs = robot.lookup("#workTabs").queryAs(TabPane.class);
        robot.doubleClickOn(robot.from(table).lookup("Lovelace, Ada").queryLabeled());
        waitUntil("chart tab selected", () -> tabs.getSelectionModel().getSelectedIndex() == 1);
        robot.clickOn("#editButton");
        waitUntil("editor filled", () -> "Lovelace".equals(text(robot, "#familyNameField")));
        robot.clickOn("#phoneField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("555 201 9000");
        robot.clickOn("#saveButton");
        waitUntil("editor closed", () -> robot.lookup("#givenNameField").tryQuery().isEmpty());
        Patient saved = clinic.patients().search(PatientQuery.text("lovelace")).stream().findFirst()
                .map(s -> clinic.patients().get(s.id())).orElseThrow();
        assertEquals("555 201 9000", saved.details().phone());
        assertEquals(2, saved.version());

        // Discharge through the date dialog.
        robot.clickOn("#dischargeButton");
        DatePicker date = robot.lookup("#dialogDate").queryAs(DatePicker.class);
        assertEquals(TestClinic.TODAY, date.getValue());
        robot.clickOn("OK");
        waitUntil("status shows discharged", () -> "Discharged".equals(text(robot, "#statusBadge")));
        assertEquals(PatientStatus.DISCHARGED, clinic.patients().get(saved.id()).status());
        assertFalse(showing(robot, "#dischargeButton"), "a discharged patient cannot be discharged again");
    }

    @Test
    void likelyDuplicateIsShownBeforeSavingAndCanBeOverridden(FxRobot robot) {
        robot.clickOn("#newPatientButton");
        waitUntil("the editor is loaded", () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        fillNewPatient(robot, "Gracie", "hopper", "1950-12-09", "555 123 4567");
        robot.clickOn("#saveButton");
        waitUntil("the duplicate warning shows", () -> showing(robot, "#duplicateBox"));
        ListView<?> list = robot.lookup("#duplicateList").queryListView();
        assertEquals(1, list.getItems().size());
        assertTrue(list.getHeight() >= 60, "the matching patient is visible, not squeezed away: " + list.getHeight());
        robot.clickOn("#saveButton");
        waitUntil("the second check finished", () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        assertEquals(2, clinic.patients().count(), "plain Save repeats the warning instead of saving");
        assertTrue(showing(robot, "#duplicateBox"));
        assertEquals(2, clinic.patients().count(), "nothing saved while the warning shows");
        robot.interact(() -> Screenshots.save(editorStage(robot).getScene(), "patient-duplicate-warning"));

        robot.clickOn("#saveAnywayButton");
        waitUntil("saved and chart opened", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        assertEquals(3, clinic.patients().count());
    }

    @Test
    void validationMessagesNameTheFieldAndSaveNothing(FxRobot robot) {
        robot.clickOn("#newPatientButton");
        waitUntil("the editor is loaded", () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#familyNameField").write("Curie");
        DatePicker dob = robot.lookup("#birthDatePicker").queryAs(DatePicker.class);
        robot.clickOn(dob.getEditor()).write("2031-01-01");
        robot.clickOn("#emailField").write("marie-at-example");
        robot.clickOn("#saveButton");
        waitUntil("errors show", () -> showing(robot, "#errorSummary"));
        String summary = text(robot, "#errorSummary");
        assertTrue(summary.contains("Given name: is required."), summary);
        assertTrue(summary.contains("Date of birth: cannot be in the future."), summary);
        assertTrue(summary.contains("Email: is not an email address"), summary);
        assertTrue(summary.contains("Sex assigned at birth: is required."), summary);
        robot.interact(() -> Screenshots.save(editorStage(robot).getScene(), "patient-validation"));

        // Fixing a field updates the messages as the user types.
        robot.clickOn("#givenNameField").write("Marie");
        waitUntil("given-name error gone", () -> !text(robot, "#errorSummary").contains("Given name"));
        robot.clickOn(dob.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("not a date");
        waitUntil("date format explained", () -> text(robot, "#errorSummary").contains("is not a date"));
        assertEquals(2, clinic.patients().count());

        // Esc asks before throwing the typing away; Cancel keeps the form, OK closes it unsaved.
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil("discard question", () -> dialog("Discard changes?").isPresent());
        robot.clickOn(robot.from(dialog("Discard changes?").orElseThrow()).lookup("Cancel").queryButton());
        waitUntil("question gone", () -> dialog("Discard changes?").isEmpty());
        assertEquals("Marie", text(robot, "#givenNameField"));
        robot.clickOn("#cancelButton");
        waitUntil("discard question again", () -> dialog("Discard changes?").isPresent());
        robot.clickOn(robot.from(dialog("Discard changes?").orElseThrow()).lookup("OK").queryButton());
        waitUntil("editor closed", () -> robot.lookup("#givenNameField").tryQuery().isEmpty());
        assertEquals(2, clinic.patients().count());
    }

    @Test
    void aChangeMadeElsewhereWhileEditingIsReportedAndTheTypingKept(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 2);
        robot.doubleClickOn(robot.from(list).lookup("Hopper, Grace").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#editButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#editButton");
        waitUntil("editor filled", () -> robot.lookup("#familyNameField").tryQuery().isPresent()
                && "Hopper".equals(text(robot, "#familyNameField")));
        robot.clickOn("#notesArea").write("Prefers the 8 am slot");

        // Meanwhile the chart (the other window) puts her on hold.
        robot.interact(() -> stage.toFront());
        robot.clickOn("#holdButton");
        waitUntil("on hold", () -> "On hold".equals(text(robot, "#statusBadge")));

        robot.interact(() -> editorStage(robot).toFront());
        robot.clickOn("#saveButton");
        waitUntil("conflict explained", () -> text(robot, "#messageLabel").contains("Someone else changed this patient"));
        assertEquals("Prefers the 8 am slot", text(robot, "#notesArea"), "the typing is still there");
        robot.interact(() -> Screenshots.save(editorStage(robot).getScene(), "patient-concurrent-edit"));
        Patient stored = clinic.patients().search(PatientQuery.text("hopper")).stream().findFirst()
                .map(x -> clinic.patients().get(x.id())).orElseThrow();
        assertEquals(PatientStatus.ON_HOLD, stored.status());
        assertEquals(null, stored.details().notes());

        robot.clickOn("#cancelButton");
        waitUntil("discard question", () -> dialog("Discard changes?").isPresent());
        robot.clickOn(robot.from(dialog("Discard changes?").orElseThrow()).lookup("OK").queryButton());
        waitUntil("editor closed", () -> robot.lookup("#notesArea").tryQuery().isEmpty());
    }

    @Test
    void globalSearchOpensAChartFromTheKeyboard(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("turi");
        waitUntil("quick results", () -> robot.lookup("#globalSearchResults").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size() == 1).orElse(false));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        waitUntil("Turing's chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent()
                && text(robot, "#nameLabel").equals("Turing, Alan"));
        TabPane tabs = robot.lookup("#workTabs").queryAs(TabPane.class);
        assertEquals(2, tabs.getTabs().size());
    }

    @Test
    void voidingNeedsAReasonAndHidesThePatient(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 2);
        robot.doubleClickOn(robot.from(list).lookup("Turing, Alan").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#voidButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#voidButton");
        assertTrue(robot.lookup("OK").queryButton().isDisabled(), "no reason, no void");
        robot.clickOn("#dialogText").write("Registered twice");
        robot.clickOn("OK");
        waitUntil("chart closed", () -> robot.lookup("#nameLabel").tryQuery().isEmpty());
        TableView<PatientSummary> table = robot.lookup("#table").queryTableView();
        waitUntil("list refreshed", () -> table.getItems().size() == 1);
        assertEquals(List.of("Hopper"), table.getItems().stream().map(PatientSummary::familyName).toList());
    }

    @Test
    void listAndDarkThemeScreenshotsForTheReadme(FxRobot robot) {
        ClinicServices c = clinic;
        TableView<PatientSummary> table = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> table.getItems().size() == 2);
        robot.interact(() -> Screenshots.save(stage.getScene(), "patient-list-light"));
        robot.clickOn("#userMenu").clickOn("Dark theme");
        WaitForThemes.settle(robot);
        assertEquals(UiPreferences.Theme.DARK, prefs.theme());
        waitUntil("the choice is written for the next run", () -> prefSaves.get() == 1);
        robot.interact(() -> Screenshots.save(stage.getScene(), "patient-list-dark"));
        robot.doubleClickOn(robot.from(table).lookup("Hopper, Grace").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#editButton").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        robot.interact(() -> Screenshots.save(stage.getScene(), "patient-chart-dark"));
        robot.clickOn("#editButton");
        waitUntil("editor filled", () -> robot.lookup("#familyNameField").tryQuery().isPresent()
                && "Hopper".equals(text(robot, "#familyNameField")));
        robot.interact(() -> Screenshots.save(editorStage(robot).getScene(), "patient-editor-dark"));
        robot.clickOn("#cancelButton");
        waitUntil("editor closed", () -> robot.lookup("#familyNameField").tryQuery().isEmpty());
        robot.interact(() -> Themes.apply(UiPreferences.Theme.LIGHT));
        assertEquals(2, c.patients().count());
        assertTrue(Window.getWindows().contains(stage));
        assertTrue(robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("2 patients"));
    }

    /** Lets a theme switch reach every node before a snapshot. */
    static final class WaitForThemes {
        static void settle(FxRobot robot) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        }
    }
}
