package clinic.threshold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of {@code threshold plan-course} and {@code threshold protocols}. */
class CourseCommandsTest {
    @TempDir
    Path dir;


    private static List<String> dates(JsonNode plan, String phase) {
        List<String> out = new ArrayList<>();
        plan.get("sessions").forEach(s -> {
            if (s.get("phase").asText().equals(phase)) {
                out.add(s.get("date").asText());
            }
        });
        return out;
    }

    @Test
    void plansAStandardCourseAroundClosures() throws Exception {
        Path closures = dir.resolve("closures.txt");
        Files.writeString(closures, "# clinic holidays\n2026-01-19\n\n2026-02-18\n");
        CliRun r = CliRun.of("plan-course", "--protocol", "TENHZ", "--start", "2026-01-05", "--closures", closures.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals("TENHZ", plan.get("protocol").asText());
        assertEquals("2026-01-05", plan.get("start").asText());
        assertEquals(36, plan.get("sessions").size());
        assertEquals(1, plan.get("sessions").get(0).get("n").asInt());
        assertEquals(30, dates(plan, "acute").size());
        assertTrue(!dates(plan, "acute").contains("2026-01-19"));
        assertEquals(List.of("2026-02-23", "2026-02-25", "2026-02-27", "2026-03-03", "2026-03-05", "2026-03-11"),
                dates(plan, "taper"));
        assertEquals("2026-03-11", plan.get("end").asText());
    }

    @Test
    void extraSessionsArePrintedAsAnExtension() throws Exception {
        CliRun r = CliRun.of("plan-course", "--protocol", "TENHZ", "--start", "2026-01-05", "--sessions", "46");
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(10, dates(plan, "extension").size());
        assertEquals(46, plan.get("sessions").size());
    }

    @Test
    void acceleratedPlanFitsFiftySessionsInFiveDays() throws Exception {
        CliRun r = CliRun.of("plan-course", "--protocol", "ACC_ITBS", "--start", "2026-01-08");
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(50, plan.get("sessions").size());
        assertEquals("2026-01-14", plan.get("end").asText(), "Thu, Fri, Mon, Tue, Wed");
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        CliRun unknown = CliRun.of("plan-course", "--protocol", "NOPE", "--start", "2026-01-05");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown protocol NOPE") && unknown.err().contains("TENHZ"), unknown.err());
        Path closures = dir.resolve("bad.txt");
        Files.writeString(closures, "2026-01-19\n19/01/2026\n");
        CliRun badFile = CliRun.of("plan-course", "--protocol", "TENHZ", "--start", "2026-01-05", "--closures", closures.toString());
        assertEquals(2, badFile.exit());
        assertTrue(badFile.err().contains("bad.txt line 2"), badFile.err());
        assertEquals(2, CliRun.of("plan-course", "--protocol", "TENHZ", "--start", "2026-01-05", "--sessions", "0").exit());
        assertEquals(2, CliRun.of("plan-course", "--protocol", "TENHZ", "--start", "5 Jan").exit());
    }

    @Test
    void protocolsListsEveryCode() {
        CliRun r = CliRun.of("protocols");
        assertEquals(0, r.exit());
        for (String code : List.of("TENHZ", "DASH", "ITBS", "DTMS_H1", "ACC_ITBS")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(code + "\t")), code);
        }
    }
}
