package clinic.threshold.data.db;

import java.nio.file.Path;
import java.util.List;
import org.jooq.ExecuteListener;

/**
 * Where the embedded database lives and what to hook into jOOQ. {@code listeners} lets tests install
 * checks such as "no SQL on the JavaFX thread" without the data layer knowing about JavaFX.
 */
public record DatabaseConfig(Path directory, String name, List<ExecuteListener> listeners) {

    public DatabaseConfig {
        listeners = List.copyOf(listeners);
    }

    public static DatabaseConfig in(Path directory) {
        return new DatabaseConfig(directory, "threshold", List.of());
    }

    public DatabaseConfig withListeners(List<ExecuteListener> extra) {
        return new DatabaseConfig(directory, name, extra);
    }

    /** The H2 file's base path (H2 adds ".mv.db"). */
    public Path basePath() {
        return directory.resolve(name);
    }

    public Path dataFile() {
        return directory.resolve(name + ".mv.db");
    }
}
