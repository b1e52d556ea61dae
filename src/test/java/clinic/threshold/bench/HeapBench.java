package clinic.threshold.bench;

import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.ui.UiTestBase;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12's memory target: the real main window on the large clinic, ten patient charts opened from the patient
 * list as a user would (each with every tab shown once), then the heap in use after a full collection (target: under
 * 512 MB). The figure goes to target/bench/heap.txt.
 */
class HeapBench extends UiTestBase {
    private static final int CHARTS = 10;

    /**
     * Builds the large clinic if need be and opens it twice before the window starts: the first opens after generating
     * it read the generating session's commit journal (ADR 0011), which is not what a clinic's morning looks like.
     */
    @org.junit.jupiter.api.BeforeAll
    static void settle() throws java.io.IOException {
        System.setProperty("testfx.setup.timeout", "300000");
        LargeClinic.open(new StringBuilder()).close();
        LargeClinic.open(new StringBuilder()).close();
    }

    @Override
    protected Path clinicDir() {
        return LargeClinic.DIR;
    }

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    @Test
    void tenChartsOpen(FxRobot robot) throws Exception {
        List<String> out = new ArrayList<>();
        long signedIn = usedAfterGc();
        out.add(String.format("heap in use after sign-in (patient list shown): %.0f MB", signedIn / 1e6));
        List<String> mrns = new ArrayList<>();
        try (Connection jdbc = LargeClinic.jdbc();
             PreparedStatement s = jdbc.prepareStatement("SELECT p.mrn FROM patient p WHERE EXISTS (SELECT 1 FROM tms_course c"
                     + " WHERE c.patient_id = p.id) ORDER BY p.id LIMIT " + CHARTS + " OFFSET 5000");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                mrns.add(r.getString(1));
            }
        }
        TabPane work = robot.lookup("#workTabs").queryAs(TabPane.class);
        for (String mrn : mrns) {
            robot.clickOn("#patientsNav");
            TextField search = robot.lookup("#searchField").queryAs(TextField.class);
            robot.interact(() -> search.setText(mrn));
            TableView<PatientSummary> table = robot.lookup("#table").queryTableView();
            waitUntil("the list finds " + mrn, () -> table.getItems().size() == 1 && table.getItems().get(0).mrn().equals(mrn));
            PatientSummary p = table.getItems().get(0);
            int before = work.getTabs().size();
            // The row that shows this patient (a table also keeps empty rows below its last one).
            javafx.scene.control.TableRow<?> row = robot.from(table).lookup(".table-row-cell").<javafx.scene.control.TableRow<?>>queryAll()
                    .stream().filter(r -> r.getItem() instanceof PatientSummary x && x.mrn().equals(mrn)).findFirst().orElseThrow();
            robot.doubleClickOn(row);
            waitUntil("the chart of " + mrn + " opens", () -> work.getTabs().size() == before + 1
                    && work.getTabs().get(before).getText().startsWith(p.familyName()));
            Tab chart = work.getTabs().get(before);
            TabPane inner = (TabPane) chart.getContent().lookup("#tabs");
            if (inner != null) {
                for (Tab t : new ArrayList<>(inner.getTabs())) {
                    robot.interact(() -> inner.getSelectionModel().select(t));
                }
            }
            Thread.sleep(1500); // the tabs' data arrives from the background threads
        }
        Thread.sleep(3000);
        long open = usedAfterGc();
        out.add(String.format("heap in use with %d charts open, every tab shown: %.0f MB (target under 512 MB)%s", mrns.size(),
                open / 1e6, open < 512e6 ? "" : "  ** over **"));
        Files.createDirectories(LargeClinic.DIR.getParent());
        Files.write(LargeClinic.DIR.getParent().resolve("heap.txt"), out);
        out.forEach(System.out::println);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
