package clinic.threshold.ui;

import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.security.SignedInClinic;
import clinic.threshold.testing.TestClinic;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 13: an open chart and the patient list follow what another workstation saves (ADR 0025), without the user
 * doing anything. The "other workstation" is a second signed-in session on the same clinic.
 */
class OtherWorkstationUiTest extends UiTestBase {
    private long patientId;

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Override
    protected void seed(ClinicServices c) {
        patientId = c.patients().create(TestClinic.person("Grace", "Hopper", LocalDate.of(1950, 12, 9), "555 300 9999"))
                .id();
        TestClinic.addUser(c, contextOf(c), "frontdesk", Set.of(Role.CLINICIAN));
    }

    private static clinic.threshold.app.AppContext contextOf(ClinicServices c) {
        return ((clinic.threshold.app.ContextBoundServices) c).context();
    }

    @Test
    void anOpenChartAndThePatientListShowAnotherWorkstationsEdit(FxRobot robot) throws Exception {
        robot.clickOn("#patientsNav");
        TableView<PatientSummary> table = robot.lookup("#table").queryTableView();
        waitUntil("the list shows Grace", () -> table.getItems().size() == 1);
        TabPane tabs = robot.lookup("#workTabs").queryAs(TabPane.class);
        robot.doubleClickOn(robot.from(table).lookup("Hopper, Grace").queryLabeled());
        waitUntil("chart open", () -> tabs.getSelectionModel().getSelectedIndex() == 1
                && text(robot, "#nameLabel").contains("Hopper"));

        CompletableFuture.runAsync(() -> {
            try (SignedInClinic other = clinic.context().gate().signIn("frontdesk", TestClinic.PASSWORD.toCharArray())) {
                Patient p = other.patients().get(patientId);
                PatientDetails d = p.details();
                other.patients().update(p.id(), p.version(), new PatientDetails(d.mrn(), d.givenName(), "Hopper-Murray",
                        d.preferredName(), d.birthDate(), d.sex(), d.genderIdentity(), d.phone(), d.email(), d.address(),
                        d.emergencyContact(), d.payerId(), d.memberId(), d.referringProvider(), d.primaryDiagnosisCode(),
                        d.notes()));
            }
        }).get(30, TimeUnit.SECONDS);

        waitUntil("the open chart shows the other workstation's edit", () -> text(robot, "#nameLabel")
                .contains("Hopper-Murray"));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        waitUntil("so does the patient list", () -> onFx(() -> table.getItems().stream()
                .anyMatch(s -> s.familyName().equals("Hopper-Murray"))));
    }
}
