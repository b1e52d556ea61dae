package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.testing.TestClinic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second Threshold on the same data folder is refused with a clear message, whatever it was asked to do. */
class TwoInstancesIT {
    @TempDir
    Path dir;

    /** Runs the real launcher in another JVM, as a user would start a second copy. */
    private Result launch(String... args) throws Exception {
        return launchWithInput("", args);
    }

    private Result launchWithInput(String stdin, String... args) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "-Djava.awt.headless=true", "-D" + GuiStarter.ERROR_DIALOG_PROPERTY + "=false",
                Launcher.class.getName(), "--data-dir", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "second instance did not exit");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void secondInstanceIsRefusedWhileTheFirstRunsAndWelcomedAfter() throws Exception {
        try (var first = TestClinic.open(dir)) {
            first.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));

            Result gui = launch();
            assertEquals(3, gui.code(), gui.err());
            assertTrue(gui.err().contains("Threshold is already running on this data folder"), gui.err());

            Result cli = launchWithInput(TestClinic.PASSWORD + "\n", "patients", "count", "--user",
                    TestClinic.TESTER, "--password-stdin");
            assertEquals(3, cli.code(), cli.err());
            assertTrue(cli.err().contains("Threshold is already running on this data folder"), cli.err());

            // The first instance is untouched and keeps working.
            assertEquals(1, first.patients().count());
        }
        Result after = launchWithInput(TestClinic.PASSWORD + "\n", "patients", "count", "--user",
                TestClinic.TESTER, "--password-stdin");
        assertEquals(0, after.code(), after.err());
        assertEquals("1", after.out().strip());
    }

    @Test
    void sameProcessCannotOpenTheFolderTwice() {
        try (var first = TestClinic.open(dir)) {
            assertThrows(InstanceGuard.AlreadyRunningException.class, () -> TestClinic.open(dir));
            assertEquals(0, first.patients().count());
        }
    }
}
