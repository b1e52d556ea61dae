package clinic.threshold.data.db;

import java.nio.file.Path;
import java.util.List;
import org.jooq.ExecuteListener;

/**
 * Where the embedded database lives and what to hook into jOOQ. {@code listeners} lets tests install
 * checks such as "no SQL on the JavaFX thread" without the data layer knowing about JavaFX.
 */
public record DatabaseConfig(Path directory, String name, List<ExecuteListener> listeners, String fileKeyHex) {

    public DatabaseConfig {
        listeners = List.copyOf(listeners);
    }

    /** An unencrypted database (tools and tests of the data layer only; the app always sets a key). */
    public static DatabaseConfig in(Path directory) {
        return new DatabaseConfig(directory, "threshold", List.of(), null);
    }

    public DatabaseConfig withListeners(List<ExecuteListener> extra) {
        return new DatabaseConfig(directory, name, extra, fileKeyHex);
    }

    /** Encrypts the file with H2's CIPHER=AES under this key (hex, no spaces). */
    public DatabaseConfig withFileKey(String hex) {
        return new DatabaseConfig(directory, name, listeners, hex);
    }

    public boolean encrypted() {
        return fileKeyHex != null;
    }

    @Override
    public String toString() {
        // never print the key
        return "DatabaseConfig[" + basePath() + (encrypted() ? ", encrypted" : "") + "]";
    }

    /** The H2 file's base path (H2 adds ".mv.db"). */
    public Path basePath() {
        return directory.resolve(name);
    }

    public Path dataFile() {
        return directory.resolve(name + ".mv.db");
    }
}
