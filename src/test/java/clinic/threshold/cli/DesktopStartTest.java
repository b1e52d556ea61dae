package clinic.threshold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A desktop start is parsed by the root command alone (no sub-commands built): the launcher only takes that path for
 * arguments the root command owns, and there it reads them as the full command line does.
 */
class DesktopStartTest {
    @Test
    void onlyTheRootCommandsOptionsStartTheDesktop() {
        assertTrue(ThresholdCommand.startsDesktop());
        assertTrue(ThresholdCommand.startsDesktop("--demo"));
        assertTrue(ThresholdCommand.startsDesktop("--data-dir", "clinic", "--allow-network-folder"));
        assertTrue(ThresholdCommand.startsDesktop("--data-dir=clinic", "--demo"));
        assertFalse(ThresholdCommand.startsDesktop("report", "outcomes"));
        assertFalse(ThresholdCommand.startsDesktop("--data-dir", "clinic", "import"), "a sub-command after the folder");
        assertFalse(ThresholdCommand.startsDesktop("--help"), "help lists the sub-commands");
        assertFalse(ThresholdCommand.startsDesktop("-h"));
        assertFalse(ThresholdCommand.startsDesktop("--version"));
        assertFalse(ThresholdCommand.startsDesktop("-V"));
        assertFalse(ThresholdCommand.startsDesktop("--data-dir"), "no folder given");
        assertFalse(ThresholdCommand.startsDesktop("--data-dir", "report"), "a sub-command where the folder should be");
        assertFalse(ThresholdCommand.startsDesktop("--data-dir", "--demo"));
        assertFalse(ThresholdCommand.startsDesktop("@arguments.txt"), "an argument file may hold a sub-command");
        assertFalse(ThresholdCommand.startsDesktop("--data-dir", "@arguments.txt"));
        assertEquals(ThresholdCommand.SUBCOMMANDS, ThresholdCommand.commandLine(null).getSubcommands().keySet(),
                "the names the desktop start keeps clear of are every sub-command's");
    }

    @Test
    void theDesktopCommandLineReadsTheRootOptionsAsTheFullOneDoes() {
        List<Object> started = new ArrayList<>();
        CliHooks hooks = (CliHooks) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CliHooks.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("startGui")) {
                        throw new AssertionError("only the desktop starts: " + method.getName());
                    }
                    started.addAll(List.of(args));
                    return 7;
                });
        assertEquals(7, ThresholdCommand.desktopCommandLine(hooks).execute("--data-dir", "clinic", "--demo"));
        assertEquals(List.of(Path.of("clinic"), true, false), started);

        started.clear();
        assertEquals(7, ThresholdCommand.commandLine(hooks).execute("--data-dir", "clinic", "--demo"));
        assertEquals(List.of(Path.of("clinic"), true, false), started, "the same through the full command line");

        StringWriter err = new StringWriter();
        var desktop = ThresholdCommand.desktopCommandLine(hooks);
        desktop.setErr(new PrintWriter(err));
        assertEquals(2, desktop.execute("--bogus"));
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
    }
}
