package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.cli.ThresholdCommand;
import clinic.threshold.testing.TestClinic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: version, sub-commands over a real data folder, and exit code 2 for bad input. */
class LauncherCliIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThresholdCommand.commandLine(new AppHooks());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void versionPrintsTheProductName() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Threshold "), out.toString());
    }

    @Test
    void searchPrintsTabSeparatedMatches() {
        try (AppContext c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
            c.patients().create(TestClinic.person("Grace", "Hopper", TestClinic.TODAY.minusYears(60), null));
        }
        assertEquals(0, run("--data-dir", dir.toString(), "patients", "search", "love"));
        String[] cols = out.toString().strip().split("\t");
        assertEquals("TH0000018", cols[0]);
        assertEquals("Lovelace", cols[1]);
        assertEquals("ACTIVE", cols[4]);
    }

    @Test
    void invalidInputExitsTwoWithAMessageOnStandardError() {
        assertEquals(2, run("--data-dir", dir.toString(), "patients", "search", "--limit", "0", "x"));
        assertTrue(err.toString().contains("--limit must be between 1 and 10000"), err.toString());
        assertEquals(2, run("patients", "search"));
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(2, run("--no-such-option"));
        assertEquals(2, run("--data-dir", dir.toString(), "patients", "search", "--status", "SLEEPING", "x"));
    }

    @Test
    void unwritableDataFolderExitsThreeWithTheReason() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
        assertEquals(3, run("--data-dir", file.resolve("sub").toString(), "patients", "count"));
        assertTrue(err.toString().contains("cannot write to its data folder"), err.toString());
    }
}
