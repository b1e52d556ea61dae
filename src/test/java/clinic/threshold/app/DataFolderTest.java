package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    static final Path HOME = Path.of("/home/clin");

    @Test
    void optionWinsOverEnvironmentAndDefault() {
        assertEquals(Path.of("/data/x"), DataFolder.resolve(Path.of("/data/x"),
                Map.of(DataFolder.ENV, "/env/y"), "Linux", HOME));
    }

    @Test
    void environmentWinsOverDefault() {
        assertEquals(Path.of("/env/y"), DataFolder.resolve(null, Map.of(DataFolder.ENV, "/env/y"), "Linux", HOME));
    }

    @Test
    void perUserDefaultsFollowEachOperatingSystem() {
        assertEquals(Path.of("/home/clin/.local/share/threshold"), DataFolder.resolve(null, Map.of(), "Linux", HOME));
        assertEquals(Path.of("/xdg/threshold"),
                DataFolder.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(Path.of("/home/clin/Library/Application Support/Threshold"),
                DataFolder.resolve(null, Map.of(), "Mac OS X", HOME));
        assertEquals(Path.of("C:/Users/clin/AppData/Roaming").resolve("Threshold"),
                DataFolder.resolve(null, Map.of("APPDATA", "C:/Users/clin/AppData/Roaming"), "Windows 11", HOME));
    }

    @Test
    void demoClinicLivesInItsOwnSubfolder() {
        assertEquals(Path.of("/d/demo"), DataFolder.forMode(Path.of("/d"), true));
        assertEquals(Path.of("/d"), DataFolder.forMode(Path.of("/d"), false));
    }

    @Test
    void prepareCreatesMissingFolders(@TempDir Path tmp) {
        Path dir = DataFolder.prepare(tmp.resolve("a/b"));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void prepareRefusesAFolderThatCannotBeWritten(@TempDir Path tmp) throws Exception {
        // A regular file where the folder should be: cannot be created or written, even as root.
        Path blocker = Files.writeString(tmp.resolve("not-a-folder"), "x");
        DataFolder.DataFolderException e = assertThrows(DataFolder.DataFolderException.class,
                () -> DataFolder.prepare(blocker.resolve("data")));
        assertEquals(blocker.resolve("data"), e.dir());
        assertTrue(StartupErrors.describe(e).contains("cannot write to its data folder"));
    }

    @org.junit.jupiter.api.Test
    void aDatabaseSettingThatCannotBeUsedIsExplainedFieldByField(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("database.properties"), "kind=postgresql\nhost=\nport=seventy\n");
        RuntimeException e = assertThrows(RuntimeException.class, () -> AppContext.open(new LaunchOptions(dir, false),
                java.util.Map.of(), java.time.Clock.systemUTC(), clinic.threshold.testing.TestClinic.config()));
        String text = StartupErrors.describe(e);
        assertTrue(text.contains("database.properties") && text.contains("host name is missing")
                && text.contains("port must be a number"), text);
        // Nothing stays locked after the refusal: with the file corrected (here removed), the folder opens.
        java.nio.file.Files.delete(dir.resolve("database.properties"));
        AppContext.open(new LaunchOptions(dir, false), java.util.Map.of(), java.time.Clock.systemUTC(),
                clinic.threshold.testing.TestClinic.config()).close();
    }
}
