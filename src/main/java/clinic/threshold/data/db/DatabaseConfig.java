package clinic.threshold.data.db;

import java.nio.file.Path;
import java.util.List;
import org.jooq.ExecuteListener;

/**
 * Where the embedded database lives and how to open it. {@code listeners} lets tests install checks such as
 * "no SQL on the JavaFX thread" without the data layer knowing about JavaFX. {@code create} is true only
 * where a new clinic is meant to start (setup, tools): everywhere else a missing file is an error, never a
 * new empty database. {@code fileSystem} is H2's file-system prefix ("file:"); tests put a fault-injecting
 * one there.
 */
public record DatabaseConfig(Path directory, String name, List<ExecuteListener> listeners, String fileKeyHex,
                             boolean create, Migrations migrations, String fileSystem) {

    /** Which migrations run, up to which version, and what must happen before an existing file is changed. */
    public record Migrations(List<String> locations, String target, MigrationGuard guard) {
        public static final Migrations DEFAULT = new Migrations(List.of("classpath:db/migration"), null,
                MigrationGuard.NONE);

        public Migrations {
            locations = List.copyOf(locations);
        }

        public Migrations withGuard(MigrationGuard g) {
            return new Migrations(locations, target, g);
        }
    }

    public DatabaseConfig {
        listeners = List.copyOf(listeners);
    }

    /** An unencrypted database, created if missing (tools and tests of the data layer; the app sets a key). */
    public static DatabaseConfig in(Path directory) {
        return new DatabaseConfig(directory, "threshold", List.of(), null, true, Migrations.DEFAULT, "file:");
    }

    public DatabaseConfig withListeners(List<ExecuteListener> extra) {
        return new DatabaseConfig(directory, name, extra, fileKeyHex, create, migrations, fileSystem);
    }

    /** Encrypts the file with H2's CIPHER=AES under this key (hex, no spaces). */
    public DatabaseConfig withFileKey(String hex) {
        return new DatabaseConfig(directory, name, listeners, hex, create, migrations, fileSystem);
    }

    /** Opens only a file that exists: a missing file is reported, never replaced by an empty one. */
    public DatabaseConfig existingOnly() {
        return new DatabaseConfig(directory, name, listeners, fileKeyHex, false, migrations, fileSystem);
    }

    public DatabaseConfig withMigrations(Migrations m) {
        return new DatabaseConfig(directory, name, listeners, fileKeyHex, create, m, fileSystem);
    }

    public DatabaseConfig withFileSystem(String prefix) {
        return new DatabaseConfig(directory, name, listeners, fileKeyHex, create, migrations, prefix);
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
