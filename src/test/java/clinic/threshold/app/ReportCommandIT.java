package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.cli.ThresholdCommand;
import clinic.threshold.testing.AuthorizationFixture;
import clinic.threshold.testing.TestClinic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code threshold report NAME}: CSV and JSON on standard output, PDF to a file, bad names and ranges exit 2. */
class ReportCommandIT {
    static final LocalDate START = TestClinic.TODAY.minusWeeks(10).with(DayOfWeek.MONDAY);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream((TestClinic.PASSWORD + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            CommandLine cl = ThresholdCommand.commandLine(new AppHooks());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return cl.execute(args);
        } finally {
            System.setIn(before);
        }
    }

    private String[] args(String... rest) {
        String[] head = {"--data-dir", dir.toString(), "report"};
        String[] tail = {"--user", TestClinic.TESTER, "--password-stdin"};
        String[] all = new String[head.length + rest.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        System.arraycopy(tail, 0, all, head.length + rest.length, tail.length);
        return all;
    }

    private void seed() {
        try (var c = TestClinic.open(dir)) {
            var p = c.patients().create(TestClinic.person("Ann", "Responder", LocalDate.of(1975, 1, 1), null));
            c.outcomes().record(p.id(), AuthorizationFixture.phq(START.minusDays(2), 3, 3, 3, 3, 2, 2, 2, 2, 0), false);
            AuthorizationFixture.screen(c, p.id(), START.minusDays(4));
            AuthorizationFixture.courseWithSessions(c, p.id(), START, START.plusWeeks(6).minusDays(3));
            c.outcomes().record(p.id(), AuthorizationFixture.phq(START.plusWeeks(6).minusDays(3), 1, 1, 1, 1, 1, 1, 1, 1, 0), false);
        }
    }

    @Test
    void csvJsonAndPdf() throws Exception {
        seed();
        assertEquals(0, run(args("outcomes", "--from", "2026-07-01", "--to", "2026-09-30")), err.toString());
        String[] lines = out.toString().split("\r\n");
        assertTrue(lines[0].startsWith("Group,Instrument"), lines[0]);
        assertTrue(lines[1].startsWith("Standard 10 Hz,PHQ-9,1,100.0,0.0,"), lines[1]);

        out.getBuffer().setLength(0);
        assertEquals(0, run(args("outcomes", "--from", "2026-07-01", "--to", "2026-09-30", "--format", "json", "--group-by", "payer")),
                err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("outcomes", json.get("report").asText());
        assertEquals("PAYER", json.get("params").get("groupBy").asText());
        assertEquals("no payer", json.get("rows").get(0).get(0).asText());
        assertEquals(100.0, json.get("rows").get(0).get(3).asDouble());

        out.getBuffer().setLength(0);
        assertEquals(0, run(args("outcomes", "--from", "2026-07-01", "--to", "2026-09-30", "--format", "json", "--technician",
                "someone.else", "--chair", "3")), err.toString());
        JsonNode other = new ObjectMapper().readTree(out.toString());
        assertEquals("someone.else", other.get("params").get("technician").asText(), "outcomes filter by technician");
        assertTrue(other.get("params").get("chairId") == null || other.get("params").get("chairId").isNull(),
                "outcomes offer no chair filter: dropped, not printed");
        assertEquals(0, other.get("rows").size(), "no course of that technician");

        Path pdf = dir.resolve("q3.pdf");
        assertEquals(0, run(args("outcomes", "--from", "2026-07-01", "--to", "2026-09-30", "--format", "pdf", "--output",
                pdf.toString())), err.toString());
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(doc).contains("Outcomes: response and remission"));
        }
    }

    @Test
    void aWrongNameFormatOrRangeExitsTwo() {
        seed();
        assertEquals(2, run(args("no-such-report")));
        assertTrue(err.toString().contains("no report no-such-report"), err.toString());
        assertEquals(2, run(args("outcomes", "--format", "pdf")), "a PDF needs a file");
        assertEquals(2, run(args("outcomes", "--from", "2026-09-30", "--to", "2026-07-01")));
        assertTrue(err.toString().contains("before it starts"), err.toString());
    }
}
