package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Open a patient, see readiness, draft a request and print the letter; the intake list's one-click letter. */
class AuthorizationUiTest extends UiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        savedFiles = Files.createTempDirectory("threshold-letters");
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        AuthorizationFixture.readyPatient(c, "Lena", "Letter");
    }

    static String pdfText(Path file) throws Exception {
        try (var doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static Path onlyPdf(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            var all = files.filter(f -> f.toString().endsWith(".pdf")).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    @Test
    void fromTheChartReadinessThenARequestThenItsLetter(FxRobot robot) throws Exception {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Letter, Lena").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> "Payer".equals(l.getText())).findFirst().orElseThrow()));
        waitUntil("readiness", () -> text(robot, "#payerOverallLabel").startsWith("Ready"));

        robot.clickOn("#payerNewRequest");
        robot.clickOn("First course");
        waitUntil("request form", () -> robot.lookup("#auth-new-ok").tryQuery().isPresent());
        robot.clickOn("#auth-new-ok");
        TableView<?> requests = robot.lookup("#payerRequestsTable").queryTableView();
        waitUntil("the draft is listed", () -> onFx(() -> requests.getItems().size()) == 1);
        robot.interact(() -> requests.getSelectionModel().select(0));
        robot.clickOn("#payerLetter");
        waitUntil("letter saved", () -> text(robot, "#payerMessage").startsWith("Letter saved"));

        String pdf = pdfText(onlyPdf(savedFiles));
        for (String expected : new String[] {"Letter of medical necessity", "Lena Letter", "CEN-445566", "sertraline", "venlafaxine",
                "36 sessions (30 acute, 6 taper)"}) {
            assertTrue(pdf.contains(expected), () -> "missing " + expected + " in " + pdf);
        }
        robot.interact(() -> Screenshots.save(stage.getScene(), "payer-authorizations"));
    }

    @Test
    void theIntakeListSaysWhatIsNeededAndPrintsTheLetterInOneClick(FxRobot robot) throws Exception {
        robot.clickOn("#authorizationsNav");
        TableView<?> intake = robot.lookup("#intakeTable").queryTableView();
        waitUntil("intake listed", () -> onFx(() -> intake.getItems().size()) == 1);
        waitUntil("readiness shown", () -> onFx(() -> robot.lookup("#intakeTable .table-cell").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).anyMatch("Ready"::equals)));
        robot.interact(() -> intake.getSelectionModel().select(0));
        robot.clickOn("#intakeLetter");
        waitUntil("letter saved", () -> text(robot, "#authMessage").startsWith("Letter saved"));
        assertTrue(pdfText(onlyPdf(savedFiles)).contains("Lena Letter"));
        robot.clickOn(onFx(() -> robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> "Pipeline".equals(l.getText())).findFirst().orElseThrow()));
        TableView<?> pipeline = robot.lookup("#pipelineTable").queryTableView();
        waitUntil("the draft the letter made is in the pipeline", () -> onFx(() -> pipeline.getItems().size()) == 1);
        robot.interact(() -> Screenshots.save(stage.getScene(), "authorizations-pipeline"));
    }
}
