package clinic.threshold.ui.patients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.SessionPhase;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart header names a retreatment or maintenance course's phase by its type, not "Acute". */
class TmsHeaderIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INITIAL, Acute", "RETREATMENT, Retreatment", "MAINTENANCE, Maintenance"})
    void theHeaderShowsTheCourseTypeAsThePhaseOfRetreatmentAndMaintenance(CourseType type, String phase) {
        try (var c = TestClinic.open(dir)) {
            long p = c.patients().create(TestClinic.person("Mae", "Keeping", LocalDate.of(1966, 6, 6), null)).id();
            LocalDate monday = LocalDate.of(2026, 11, 23);
            c.tms().screen(p, monday.minusDays(3), c.tms().reference().screeningForm().stream()
                    .map(i -> new ScreeningAnswer(i.number(), false, null)).toList());
            c.tms().startCourse(p, new CourseRequest("TENHZ", type, monday, "MDD", 36, Authorization.NONE));
            var overview = c.tms().overview(p);
            assertEquals(SessionPhase.ACUTE, overview.active().progress().phase(), "the plan itself is unchanged");
            String header = TmsHeader.text(overview);
            assertTrue(header.startsWith("TMS: Standard 10 Hz, 0 of 36 sessions (" + phase + ")"), header);
        }
    }
}
