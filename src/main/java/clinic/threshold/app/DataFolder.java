package clinic.threshold.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a clinic's data lives. Order: the --data-dir option, then THRESHOLD_HOME, then the per-user
 * default of the operating system. The demo clinic lives in its own sub-folder, never beside real records.
 */
public final class DataFolder {
    public static final String ENV = "THRESHOLD_HOME";
    private static final String DEMO_SUBFOLDER = "demo";

    private DataFolder() {
    }

    public static Path resolve(Path option, Map<String, String> env, String osName, Path userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return defaultFor(osName, env, userHome);
    }

    static Path defaultFor(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("Threshold");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Threshold");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("threshold");
    }

    public static Path forMode(Path base, boolean demo) {
        return demo ? base.resolve(DEMO_SUBFOLDER) : base;
    }

    /**
     * Creates the folder if needed and proves it can be written, by writing and removing a probe file.
     * Throws {@link DataFolderException} with the path and the reason otherwise.
     */
    public static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException | SecurityException e) {
            throw new DataFolderException(dir, e);
        }
    }

    /** The data folder does not exist and cannot be made, or cannot be written. */
    public static final class DataFolderException extends RuntimeException {
        private final transient Path dir;

        DataFolderException(Path dir, Exception cause) {
            super("Cannot write to data folder " + dir + ": " + cause, cause);
            this.dir = dir;
        }

        public Path dir() {
            return dir;
        }
    }
}
