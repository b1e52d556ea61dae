package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.outcome.Change;
import clinic.threshold.domain.outcome.CourseOutcome;
import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Screenshots;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The Outcomes tab of a patient four weeks into a TMS course: the PHQ-9 measured from the course baseline, the
 * session at which response and remission came, and the course's phases behind the trend.
 */
class OutcomeCoursesUiTest extends UiTestBase {
    /** Monday 2 November 2026; the test clinic's today is Friday 27 November. */
    private static final LocalDate START = LocalDate.of(2026, 11, 2);

    @Start
    void start(Stage stage) throws Exception {
        startClinic(stage);
    }

    private static ScaleEntry phq(LocalDate day, Integer... items) {
        return new ScaleEntry("PHQ9", day, List.of(items), null, "patient");
    }

    @Override
    protected void seed(ClinicServices c) {
        Patient p = c.patients().create(TestClinic.person("Iris", "Course", LocalDate.of(1976, 5, 14), null));
        c.tms().screen(p.id(), START.minusDays(5), c.tms().reference().screeningForm().stream()
                .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
        long course = c.tms().startCourse(p.id(), new CourseRequest("TENHZ", CourseType.INITIAL, START, "MDD", 36,
                Authorization.NONE));
        for (LocalDate d = START; !d.isAfter(TestClinic.TODAY); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                c.tms().recordSession(p.id(), course, new SessionEntry(d, LocalTime.of(9, 0), "Chair 1", "FIG8", "tech", "dr",
                        d.equals(START) ? new MtReading(60, MtMethod.EMG, null) : null, 120, 3000, 3000, null, 75, 75,
                        LocationMethod.RULE_5_5_CM, null, null, null, null, 0, null, 1,
                        new PreSessionCheck(new BigDecimal(7), false, false, false, false), List.of(), null));
            }
        }
        // An episode that began before the course, with an earlier score: its baseline (22) is not the course's.
        c.history().saveEpisode(p.id(), null, 0, new Episode(null, START.minusMonths(3), null, Severity.SEVERE), null);
        c.outcomes().record(p.id(), phq(START.minusDays(40), 3, 3, 3, 3, 3, 3, 2, 2, 0), false); // 22
        c.outcomes().record(p.id(), phq(START.minusDays(3), 3, 3, 3, 3, 2, 2, 2, 2, 0), false); // 20
        c.outcomes().record(p.id(), phq(START.plusDays(7), 2, 2, 2, 2, 2, 2, 2, 2, 0), false); // 16
        c.outcomes().record(p.id(), phq(START.plusDays(14), 1, 1, 1, 1, 1, 1, 1, 2, 0), false); // 9
        c.outcomes().record(p.id(), phq(START.plusDays(21), 1, 1, 1, 1, 0, 0, 0, 0, 0), false); // 4
    }

    @Test
    void theCourseShowsResponseAndRemissionBySessionWithItsPhasesOnTheChart(FxRobot robot) {
        TableView<PatientSummary> list = robot.lookup("#table").queryTableView();
        waitUntil("list loaded", () -> list.getItems().size() == 1);
        robot.doubleClickOn(robot.from(list).lookup("Course, Iris").queryLabeled());
        waitUntil("chart", () -> robot.lookup("#nameLabel").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream().map(n -> (Labeled) n)
                .filter(l -> l.getText().equals("Outcomes")).findFirst().orElseThrow());
        TableView<CourseOutcome> courses = robot.lookup("#course-outcomes").queryTableView();
        waitUntil("course row", () -> courses.getItems().size() == 1);
        CourseOutcome o = courses.getItems().get(0);
        assertEquals(20, o.baseline().total(), "the score three days before the first session");
        assertEquals(4, o.latest().total());
        assertEquals(Change.RESPONSE, o.result().change());
        assertTrue(o.result().remission());
        assertEquals(START.plusDays(14), o.firstResponse().date(), "9 of 20 is a 55% reduction");
        assertEquals(11, o.firstResponseSession(), "two full weeks and that Monday's session");
        assertEquals(16, o.firstRemissionSession());
        assertTrue(text(robot, "#tmsLabel").contains("16 of 36") || text(robot, "#tmsLabel").contains("20 of 36"),
                text(robot, "#tmsLabel"));
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#outcome-chart").query();
        waitUntil("phases drawn", () -> chart.lookupAll(".outcome-phase").size() >= 3);
        assertTrue(chart.lookupAll(".outcome-phase-acute").size() >= 2, "acute given and acute planned");
        assertEquals(1, chart.lookupAll(".outcome-phase-taper").size());
        // The chart marks the course baseline (a square), not the episode's first score.
        waitUntil("marks drawn", () -> !chart.lookupAll(".outcome-point-baseline").isEmpty());
        List<Long> baselines = chart.getData().stream().flatMap(s -> s.getData().stream())
                .filter(d -> d.getNode() != null && d.getNode().getStyleClass().contains("outcome-point-baseline"))
                .map(d -> ((Number) d.getXValue()).longValue()).toList();
        assertEquals(List.of(START.minusDays(3).toEpochDay()), baselines);
        long marked = chart.getData().stream().flatMap(s -> s.getData().stream())
                .filter(d -> d.getNode() != null && d.getNode().getStyleClass().contains("outcome-point-marked")).count();
        assertEquals(3, marked, "the course baseline, first response and first remission");
        robot.interact(() -> Screenshots.save(stage.getScene(), "outcomes-course"));
    }
}
