package clinic.threshold.data.db;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** {@code database.properties} in a data folder: where this workstation's clinic lives (ADR 0024). */
public final class DatabaseChoiceFile {
    public static final String FILE = "database.properties";

    private DatabaseChoiceFile() {
    }

    /** The server the folder points at, or null for the embedded file (no file, or kind=embedded). */
    public static ServerConnection read(Path dataDir) {
        Path f = dataDir.resolve(FILE);
        if (!Files.exists(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ValidationException(Violation.of("kind", "server.error.file"));
        }
        return ServerConnection.fromProperties(p);
    }

    /** Points the folder at {@code c}, replacing the file whole (never half-written). */
    public static void write(Path dataDir, ServerConnection c) {
        Path f = dataDir.resolve(FILE);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                c.toProperties().store(w, "Where this workstation's Threshold clinic lives (no password is kept here)");
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
