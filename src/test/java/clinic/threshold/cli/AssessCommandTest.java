package clinic.threshold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.history.Vignettes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code threshold assess} on every vignette, and on bad input: exit 2, every problem named by its path. */
class AssessCommandTest {
    @TempDir
    Path dir;


    static List<Vignettes.Vignette> vignettes() {
        return Vignettes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void assessPrintsTheHandComputedResult(Vignettes.Vignette v) throws Exception {
        Path file = dir.resolve(v.name());
        Files.writeString(file, Vignettes.JSON.writeValueAsString(v.history()));
        CliRun r = CliRun.of("assess", "--input", file.toString(), "--as-of", v.asOf());
        assertEquals(0, r.exit(), r.err());
        var json = Vignettes.JSON.readTree(r.out());
        assertEquals(v.history().get("patient").get("mrn").asText(), json.get("mrn").asText());
        assertEquals(v.asOf(), json.get("asOf").asText());
        Vignettes.assertMatches(v, json);
    }

    private CliRun assessText(String json) throws Exception {
        Path file = dir.resolve("input.json");
        Files.writeString(file, json);
        return CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");
    }

    private static String history(String episodes, String trials) {
        return "{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"X1\"}, \"episodes\": [" + episodes
                + "], \"trials\": [" + trials + "]}";
    }

    private static final String EPISODE = "{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"moderate\"}";

    @Test
    void malformedJsonExitsTwoWithWhere() throws Exception {
        CliRun r = assessText("{\"format\": \"threshold-history/1\", ");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not valid JSON (line 1"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownAgentIsNamedWithCloseMatches() throws Exception {
        CliRun r = assessText(history(EPISODE, "{\"id\": \"t1\", \"episode\": \"e1\", \"kind\": \"medication\","
                + " \"agent\": \"sertralin\", \"role\": \"monotherapy\", \"start\": \"2024-02-01\","
                + " \"doses\": [{\"from\": \"2024-02-01\", \"mgPerDay\": 50}]}"));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("trials[0].agent: unknown agent \"sertralin\"; did you mean sertraline"), r.err());
    }

    @Test
    void everyBadValueIsListedByItsPath() throws Exception {
        String trials = String.join(",",
                // dose steps out of order, a zero dose, and an implausible one
                "{\"id\": \"t1\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"sertraline\","
                        + " \"role\": \"monotherapy\", \"start\": \"2024-02-01\", \"end\": \"2024-06-01\", \"doses\": ["
                        + "{\"from\": \"2024-03-01\", \"mgPerDay\": 50}, {\"from\": \"2024-02-15\", \"mgPerDay\": 0},"
                        + " {\"from\": \"2024-04-01\", \"mgPerDay\": 2000}]}",
                // end before start, dose step outside the trial
                "{\"id\": \"t2\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"escitalopram\","
                        + " \"role\": \"monotherapy\", \"start\": \"2024-05-01\", \"end\": \"2024-04-01\", \"doses\": ["
                        + "{\"from\": \"2024-01-01\", \"mgPerDay\": 10}]}",
                // augmentation pointing at a missing trial
                "{\"id\": \"t3\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"lithium\","
                        + " \"role\": \"augmentation\", \"augments\": \"t9\", \"start\": \"2024-05-01\"}",
                // a trial outside any episode, and one before its episode began
                "{\"id\": \"t4\", \"episode\": \"e7\", \"kind\": \"psychotherapy\", \"modality\": \"CBT\","
                        + " \"start\": \"2024-05-01\"}",
                "{\"id\": \"t5\", \"episode\": \"e1\", \"kind\": \"psychotherapy\", \"modality\": \"CBT\","
                        + " \"start\": \"2023-05-01\"}");
        CliRun r = assessText(history(EPISODE, trials));
        assertEquals(2, r.exit());
        for (String expected : List.of(
                "trials[0].doses[1].from: the dose step from 2024-02-15 does not come after the previous step (2024-03-01)",
                "trials[0].doses[1].mgPerDay: the dose must be above 0 mg/day (got 0)",
                "trials[0].doses[2].mgPerDay: 2000 mg/day is above the plausible limit for sertraline (400 mg/day)",
                "trials[1].end: ends 2024-04-01, before it starts (2024-05-01)",
                "trials[1].doses[0].from: the dose step from 2024-01-01 is before the trial starts (2024-05-01)",
                "trials[2].augments: augments trial t9, which is not in this history",
                "trials[3].episode: refers to episode e7, which is not in this history",
                "trials[4].start: starts 2023-05-01, before its episode e1 began (2024-01-01)")) {
            assertTrue(r.err().contains(expected), "missing: " + expected + "\n" + r.err());
        }
        assertEquals("", r.out(), "nothing is assessed from a bad file");
    }

    @Test
    void wrongTypesAndTokensAreReportedTogether() throws Exception {
        CliRun r = assessText("{\"format\": \"threshold-history/2\", \"patient\": {\"mrn\": \"X1\"}, \"episodes\": [{\"id\": \"e1\","
                + " \"onset\": \"01/02/2024\", \"severity\": \"awful\"}], \"trials\": [{\"id\": \"t1\", \"episode\": \"e1\","
                + " \"kind\": \"medication\", \"agent\": \"sertraline\", \"role\": \"solo\", \"start\": \"2024-02-01\","
                + " \"doses\": [{\"from\": \"2024-02-01\", \"mgPerDay\": \"fifty\"}]}]}");
        assertEquals(2, r.exit());
        for (String expected : List.of("format: format \"threshold-history/2\" is not supported",
                "episodes[0].onset: must be a date written yyyy-MM-dd (got 01/02/2024)",
                "episodes[0].severity: \"awful\" is not one of subsyndromal|mild|moderate|severe|severe-psychotic",
                "trials[0].role: \"solo\" is not one of monotherapy|combination|augmentation",
                "trials[0].doses[0].mgPerDay: must be a number (got fifty)")) {
            assertTrue(r.err().contains(expected), "missing: " + expected + "\n" + r.err());
        }
    }

    @Test
    void aMistypedFieldNameIsRefusedNotDropped() throws Exception {
        // "stopreason" for stopReason: dropping it silently would change nothing visible but lose the reason.
        CliRun r = assessText("{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"X1\", \"dob\": \"1980-01-01\"},"
                + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"mild\"}],"
                + " \"trials\": [{\"id\": \"t1\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"sertraline\","
                + " \"role\": \"monotherapy\", \"start\": \"2024-02-01\", \"stopreason\": \"ineffective\","
                + " \"doses\": [{\"from\": \"2024-02-01\", \"mgPerDay\": 100, \"unit\": \"mg\"}]}], \"exportedAt\": \"today\"}");
        assertEquals(2, r.exit());
        for (String expected : List.of("exportedAt: unknown field \"exportedAt\"", "patient.dob: unknown field \"dob\"",
                "trials[0].stopreason: unknown field \"stopreason\"", "trials[0].doses[0].unit: unknown field \"unit\"")) {
            assertTrue(r.err().contains(expected), "missing: " + expected + "\n" + r.err());
        }
        assertEquals("", r.out());
    }

    @Test
    void twoOpenEpisodesAreRefused() throws Exception {
        CliRun r = assessText("{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"X1\"},"
                + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2020-01-01\", \"severity\": \"mild\"},"
                + " {\"id\": \"e2\", \"onset\": \"2024-01-01\", \"severity\": \"severe\"}], \"trials\": []}");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("episodes[0].end: episode e1 has no end date, but episode e2 begins after it (2024-01-01)"),
                r.err());
    }

    @Test
    void aMissingFileIsInvalidInput() {
        CliRun r = CliRun.of("assess", "--input", dir.resolve("nope.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot read"), r.err());
    }
}
