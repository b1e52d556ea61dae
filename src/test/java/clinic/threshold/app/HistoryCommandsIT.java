package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.cli.ThresholdCommand;
import clinic.threshold.testing.TestClinic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code threshold import} and {@code threshold export} on a real clinic: a file in, the same history and scales out,
 * a second import refused, bad files and unknown MRNs exit 2 with the path of each problem, and nothing half-stored.
 */
class HistoryCommandsIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream((TestClinic.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = ThresholdCommand.commandLine(new AppHooks());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--data-dir", dir.resolve("clinic").toString()));
            all.addAll(java.util.List.of(args));
            all.addAll(java.util.List.of("--user", TestClinic.TESTER, "--password-stdin"));
            return cl.execute(all.toArray(String[]::new));
        } finally {
            System.setIn(before);
        }
    }

    private static String history(String mrn, String agent) {
        return "{\"format\": \"threshold-history/1\", \"patient\": {\"mrn\": \"" + mrn + "\", \"familyName\": \"Imported\"},"
                + " \"episodes\": [{\"id\": \"e1\", \"onset\": \"2024-01-01\", \"severity\": \"severe\", \"note\": \"from referral\"}],"
                + " \"trials\": [{\"id\": \"t1\", \"episode\": \"e1\", \"kind\": \"medication\", \"agent\": \"" + agent + "\","
                + " \"role\": \"monotherapy\", \"start\": \"2024-02-01\", \"end\": \"2024-04-01\","
                + " \"doses\": [{\"from\": \"2024-02-01\", \"mgPerDay\": 100}], \"adherence\": \"good\", \"outcome\": \"no-response\"}],"
                + " \"assessments\": [{\"instrument\": \"PHQ-9\", \"date\": \"2024-02-01\", \"total\": 18,"
                + " \"items\": [2, 2, 2, 2, 2, 2, 2, 2, 2], \"ratedBy\": \"self\"}]}";
    }

    @Test
    void importThenExportGivesTheFileBackAndASecondImportIsRefused() throws Exception {
        clinic.threshold.domain.patient.Patient ann;
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            ann = c.patients().create(TestClinic.person("Ann", "Imported", LocalDate.of(1970, 3, 3), null));
        }
        String mrn = ann.mrn();
        Path in = dir.resolve("in.json");
        Files.writeString(in, history(mrn, "Zoloft"), StandardCharsets.UTF_8);
        assertEquals(0, run("import", "--input", in.toString()), err.toString());
        assertEquals("Imported 1 episode(s), 1 trial(s) and 1 rating scale(s) for " + mrn, out.toString().strip());
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            assertEquals(1, c.history().overview(ann.id()).assessment().failedAdequateTrials(), "Zoloft is matched to sertraline");
        }

        Path exported = dir.resolve("out.json");
        assertEquals(0, run("export", "--mrn", mrn, "--output", exported.toString()), err.toString());
        assertFalse(Files.exists(dir.resolve("out.json.part")), "the file is written whole, then moved into place");
        JsonNode file = new ObjectMapper().readTree(Files.readString(exported));
        assertEquals("Zoloft", file.get("trials").get(0).get("agent").asText(), "the agent comes back as it was given");
        assertEquals("from referral", file.get("episodes").get(0).get("note").asText());
        JsonNode phq = file.get("assessments").get(0);
        assertEquals("PHQ-9", phq.get("instrument").asText());
        assertEquals(18, phq.get("total").asInt());
        assertEquals(9, phq.get("items").size());
        assertEquals("self", phq.get("ratedBy").asText());
        assertEquals("Ann", file.get("patient").get("givenName").asText());

        assertEquals(2, run("import", "--input", exported.toString()));
        assertTrue(err.toString().contains("patient.mrn: patient " + mrn + " already has a treatment history"), err.toString());
        assertTrue(err.toString().contains("assessments[0]: PHQ-9 on 2024-02-01 is already recorded for this patient"),
                err.toString());
    }

    @Test
    void aBadFileOrAnUnknownMrnExitsTwoAndStoresNothing() throws Exception {
        clinic.threshold.domain.patient.Patient bea;
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            bea = c.patients().create(TestClinic.person("Bea", "Imported", LocalDate.of(1971, 4, 4), null));
        }
        String mrn = bea.mrn();
        Path in = dir.resolve("bad.json");
        Files.writeString(in, history(mrn, "sertralin"), StandardCharsets.UTF_8);
        assertEquals(2, run("import", "--input", in.toString()));
        assertTrue(err.toString().contains("bad.json: trials[0].agent: unknown agent \"sertralin\"; did you mean sertraline"),
                err.toString());
        assertEquals("", out.toString());
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            long id = bea.id();
            assertTrue(c.history().overview(id).history().isEmpty(), "nothing of the bad file was stored");
            assertTrue(c.outcomes().overview(id).series().isEmpty(), "not even its rating scale");
        }
        assertEquals(2, run("export", "--mrn", "TH0000000", "--output", dir.resolve("x.json").toString()));
        assertTrue(err.toString().contains("no patient has the MRN TH0000000"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void manyFilesImportTogetherAndABadOneIsRefusedAloneWithItsName() throws Exception {
        clinic.threshold.domain.patient.Patient ann;
        clinic.threshold.domain.patient.Patient bea;
        clinic.threshold.domain.patient.Patient cy;
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            ann = c.patients().create(TestClinic.person("Ann", "Imported", LocalDate.of(1970, 3, 3), null));
            bea = c.patients().create(TestClinic.person("Bea", "Imported", LocalDate.of(1971, 4, 4), null));
            cy = c.patients().create(TestClinic.person("Cy", "Imported", LocalDate.of(1972, 5, 5), null));
        }
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c3 = dir.resolve("c.json");
        Path again = dir.resolve("a-again.json");
        Files.writeString(a, history(ann.mrn(), "Zoloft"), StandardCharsets.UTF_8);
        Files.writeString(b, history(bea.mrn(), "sertralin"), StandardCharsets.UTF_8);
        Files.writeString(c3, history(cy.mrn(), "Zoloft"), StandardCharsets.UTF_8);
        Files.writeString(again, history(ann.mrn(), "Zoloft"), StandardCharsets.UTF_8);

        assertEquals(2, run("import", "--input", a.toString(), b.toString(), c3.toString(), again.toString()), "one file or more refused");
        assertTrue(err.toString().contains("b.json: trials[0].agent: unknown agent \"sertralin\""), err.toString());
        assertTrue(err.toString().contains("a-again.json: patient.mrn: patient " + ann.mrn() + " already has a treatment history"),
                "a second file for a patient in the same run is refused like a second run: " + err);
        assertFalse(err.toString().contains("c.json"), err.toString());
        assertTrue(out.toString().contains("for " + ann.mrn()) && out.toString().contains("for " + cy.mrn()), out.toString());
        assertTrue(out.toString().strip().endsWith("2 of 4 file(s) imported"), out.toString());
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            assertEquals(1, c.history().overview(ann.id()).history().trials().size(), "Ann's history once, not twice");
            assertEquals(1, c.outcomes().overview(ann.id()).series().size());
            assertTrue(c.history().overview(bea.id()).history().isEmpty(), "nothing of the bad file");
            assertTrue(c.outcomes().overview(bea.id()).series().isEmpty());
            assertEquals(1, c.history().overview(cy.id()).assessment().failedAdequateTrials());
        }
        assertEquals(2, run("import", "--input", dir.resolve("missing.json").toString(), b.toString()));
        assertTrue(err.toString().contains("cannot read " + dir.resolve("missing.json")), err.toString());
    }

    @Test
    void aFolderImportsItsJsonFilesInNameOrder() throws Exception {
        clinic.threshold.domain.patient.Patient ann;
        clinic.threshold.domain.patient.Patient bea;
        try (var c = TestClinic.open(dir.resolve("clinic"))) {
            ann = c.patients().create(TestClinic.person("Ann", "Imported", LocalDate.of(1970, 3, 3), null));
            bea = c.patients().create(TestClinic.person("Bea", "Imported", LocalDate.of(1971, 4, 4), null));
        }
        Path folder = Files.createDirectories(dir.resolve("histories"));
        Files.writeString(folder.resolve("2-bea.json"), history(bea.mrn(), "Zoloft"), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("1-ann.JSON"), history(ann.mrn(), "Zoloft"), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("notes.txt"), "not a history", StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("old.json")); // a folder, however named, is not a file to import
        Files.writeString(folder.resolve("._1-ann.json"), "\u0000\u0005", StandardCharsets.UTF_8); // what macOS leaves on a shared drive

        // Bea's file named as well as her folder: imported once.
        assertEquals(0, run("import", "--input", folder.toString(), folder.resolve("2-bea.json").toString()), err.toString());
        String said = out.toString();
        assertTrue(said.indexOf("for " + ann.mrn()) >= 0 && said.indexOf("for " + ann.mrn()) < said.indexOf("for " + bea.mrn()),
                "in name order: " + said);
        assertTrue(said.strip().endsWith("2 of 2 file(s) imported"), said);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, run("import", "--input", empty.toString()));
        assertTrue(err.toString().contains(empty + " holds no .json files"), err.toString());
    }
}
