package clinic.threshold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threshold readiness}: a history against a policy file, without a database; bad policy files refused. */
class ReadinessCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The payer fixture's history (two failed 10-week trials of two classes, CBT failed) with a birth date and PHQ-9 19. */
    private static String history(boolean itemsOnly) throws Exception {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(clinic.threshold.testing.PayerFixture.history("R1"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("patient")).put("birthDate", "1981-05-01");
        var phq = doc.putArray("assessments").addObject().put("instrument", "PHQ-9").put("date", "2025-11-20");
        if (itemsOnly) {
            phq.putArray("items").add(3).add(3).add(2).add(2).add(2).add(2).add(2).add(2).add(1); // 19, no total given
        } else {
            phq.put("total", 19);
        }
        return JSON.writeValueAsString(doc);
    }

    @Test
    void aScaleGivenByItemsAloneIsScored() throws Exception {
        assertEquals("PHQ9 19 on 2025-11-20", find(runOn(history(true), 0, "--policy", "CENTENE_CP_BH_200", "--diagnosis",
                "F33.2"), "severity").get("evidence").asText());
    }

    @TempDir
    Path dir;

    private JsonNode run(int expectedExit, String... extra) throws Exception {
        return runOn(history(false), expectedExit, extra);
    }

    private JsonNode runOn(String historyJson, int expectedExit, String... extra) throws Exception {
        Path history = dir.resolve("history.json");
        Files.writeString(history, historyJson);
        Path policies = dir.resolve("policies.json");
        try (var in = ReadinessCommandTest.class.getResourceAsStream("/reference/payer-policies.json")) {
            Files.write(policies, in.readAllBytes());
        }
        String[] args = new String[7 + extra.length];
        String[] base = {"readiness", "--input", history.toString(), "--policy-file", policies.toString(), "--as-of", "2025-11-27"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun r = CliRun.of(args);
        assertEquals(expectedExit, r.exit(), r.err());
        return expectedExit == 0 ? JSON.readTree(r.out()) : JSON.createObjectNode().put("err", r.err());
    }

    @Test
    void aPatientWhoMeetsCenteneIsReady() throws Exception {
        JsonNode j = run(0, "--policy", "CENTENE_CP_BH_200", "--diagnosis", "F33.2");
        assertEquals("CENTENE_CP_BH_200", j.get("policy").asText());
        assertTrue(j.get("ready").asBoolean(), j.toString());
        assertEquals("ready", j.get("overall").asText());
        assertTrue(j.get("criteria").size() >= 6);
        JsonNode severity = find(j, "severity");
        assertEquals("met", severity.get("status").asText());
        assertEquals("PHQ9 19 on 2025-11-20", severity.get("evidence").asText());
        assertEquals("2 failed adequate trial(s) in the current episode", find(j, "failedTrials").get("evidence").asText());
    }

    @Test
    void withoutTheDiagnosisTheAnswerSaysWhatToCollect() throws Exception {
        JsonNode j = run(0, "--policy", "CENTENE_CP_BH_200");
        assertEquals("missing-information", j.get("overall").asText());
        assertEquals("missing", find(j, "diagnosis").get("status").asText());
        assertTrue(find(j, "diagnosis").get("missing").asText().startsWith("record the primary diagnosis"));
    }

    @Test
    void aetnaWantsAnAugmentationTrialAndNgsFourTrials() throws Exception {
        assertEquals("unmet", find(run(0, "--policy", "AETNA_CPB_0469", "--diagnosis", "F33.2"), "augmentation").get("status").asText());
        JsonNode ngs = run(0, "--policy", "medicare_ngs_l33398", "--diagnosis", "F33.2");
        assertEquals("not-ready", ngs.get("overall").asText());
        assertEquals("2 more failed adequate trial(s) needed (4 in all)", find(ngs, "failedTrials").get("missing").asText());
        assertTrue(!ngs.get("verified").asBoolean(), "the seeded rows are unverified");
    }

    @Test
    void aFileOfSeveralPoliciesNeedsAChoiceAndABadFileIsRefused() throws Exception {
        assertTrue(run(2).get("err").asText().contains("name one with --policy"));
        assertTrue(run(2, "--policy", "NOPE").get("err").asText().contains("no policy NOPE"));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":\"threshold-policy/1\",\"policies\":[{\"code\":\"X\",\"payer\":\"P\",\"effectiveFrom\":"
                + "\"2026-01-01\",\"minAge\":65,\"maxAge\":18,\"source\":\"s\"}]}");
        Path history = dir.resolve("history.json");
        CliRun r = CliRun.of("readiness", "--input", history.toString(), "--policy-file", bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("policy X: the highest age 18 is below the lowest 65"), r.err());
    }

    private static JsonNode find(JsonNode j, String id) {
        for (JsonNode c : j.get("criteria")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(id + " not in " + j);
    }
}
