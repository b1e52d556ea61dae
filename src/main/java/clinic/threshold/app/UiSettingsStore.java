package clinic.threshold.app;

import clinic.threshold.ui.common.UiPreferences;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the screen preferences ({@code ui.properties} in the base data folder, shared by the
 * real and the demo clinic). A missing or unreadable file gives defaults; it holds no patient data.
 */
final class UiSettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(UiSettingsStore.class);
    static final String FILE = "ui.properties";

    private UiSettingsStore() {
    }

    static UiPreferences load(Path baseDir) {
        UiPreferences prefs = new UiPreferences();
        Path file = baseDir.resolve(FILE);
        if (!Files.exists(file)) {
            return prefs;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            prefs.setTheme("DARK".equals(p.getProperty("theme")) ? UiPreferences.Theme.DARK : UiPreferences.Theme.LIGHT);
            if (p.containsKey("window.width")) {
                prefs.setBounds(new UiPreferences.WindowBounds(num(p, "window.x"), num(p, "window.y"),
                        num(p, "window.width"), num(p, "window.height"),
                        Boolean.parseBoolean(p.getProperty("window.maximized"))));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring unreadable {}: {}", FILE, e.getClass().getSimpleName());
        }
        return prefs;
    }

    /** Writes through a temporary file so a crash mid-write never leaves a half file. */
    static void save(Path baseDir, UiPreferences prefs) {
        Properties p = new Properties();
        p.setProperty("theme", prefs.theme().name());
        UiPreferences.WindowBounds b = prefs.bounds();
        if (b != null) {
            p.setProperty("window.x", Double.toString(b.x()));
            p.setProperty("window.y", Double.toString(b.y()));
            p.setProperty("window.width", Double.toString(b.width()));
            p.setProperty("window.height", Double.toString(b.height()));
            p.setProperty("window.maximized", Boolean.toString(b.maximized()));
        }
        try {
            Files.createDirectories(baseDir);
            Path tmp = Files.createTempFile(baseDir, "ui", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Threshold screen preferences");
            }
            Files.move(tmp, baseDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", FILE, e.getClass().getSimpleName());
        }
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new NumberFormatException("missing " + key);
        }
        return Double.parseDouble(v);
    }
}
