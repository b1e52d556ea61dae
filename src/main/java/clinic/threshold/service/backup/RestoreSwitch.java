package clinic.threshold.service.backup;

import clinic.threshold.security.KeyVault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Properties;

/**
 * Swaps a verified, staged copy into the data folder. The current files are moved aside (never deleted)
 * into {@code replaced/<time>/}, then the staged ones are moved in. A journal written before the first move
 * lets {@link #finishInterrupted} complete the swap on the next start if the process dies half-way, so the
 * folder is never left without a database next to a key file (which would look like a new clinic).
 */
public final class RestoreSwitch {
    static final String JOURNAL = "restore.journal";
    /** What a data folder holds that a restore replaces, in the order they are moved. */
    private static final List<String> ITEMS = List.of("db", KeyVault.FILE, "audit.head");

    private RestoreSwitch() {
    }

    /**
     * Moves the current files to {@code aside} (which must not exist yet) and the staged files in. If a move
     * fails, the journal and the stage stay, and the next start (or the next attempt) completes the switch;
     * the caller must then not delete the stage. Returns {@code aside}.
     */
    static Path swap(Path dataDir, Path stage, Path aside) throws IOException {
        Files.createDirectories(aside.getParent());
        Files.createDirectory(aside); // fails if it exists: a switch never moves into another's folder
        BackupFolders.forceTree(stage);
        Properties p = new Properties();
        p.setProperty("stage", dataDir.relativize(stage).toString());
        p.setProperty("aside", dataDir.relativize(aside).toString());
        List<String> present = ITEMS.stream().filter(i -> Files.exists(dataDir.resolve(i))).toList();
        p.setProperty("present", String.join(",", present));
        Path journal = dataDir.resolve(JOURNAL);
        Path tmp = dataDir.resolve(JOURNAL + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Threshold restore in progress");
        }
        force(tmp);
        Files.move(tmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        complete(dataDir, stage, aside, present);
        return aside;
    }

    /** Whether a switch is under way or was cut short (its journal exists). */
    static boolean pending(Path dataDir) {
        return Files.exists(dataDir.resolve(JOURNAL));
    }

    /** On start: completes a swap that a crash interrupted. Returns true if there was one. */
    public static boolean finishInterrupted(Path dataDir) {
        Path journal = dataDir.resolve(JOURNAL);
        if (!Files.exists(journal)) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(journal)) {
            p.load(in);
            complete(dataDir, dataDir.resolve(p.getProperty("stage")), dataDir.resolve(p.getProperty("aside")),
                    List.of(p.getProperty("present", "").split(",")));
            return true;
        } catch (IOException | RuntimeException e) {
            throw new BackupException("A restore was interrupted and could not be completed (" + e.getMessage()
                    + "). The previous files are in " + dataDir.resolve("replaced") + " and the restored ones in "
                    + dataDir.resolve(BackupRestorer.STAGE) + "; ask support before starting again.", e);
        }
    }

    private static void complete(Path dataDir, Path stage, Path aside, List<String> present) throws IOException {
        Files.createDirectories(aside);
        for (String item : present.stream().filter(ITEMS::contains).toList()) {
            moveIfPresent(dataDir.resolve(item), aside.resolve(item), !Files.exists(aside.resolve(item)));
        }
        for (String item : ITEMS) {
            moveIfPresent(stage.resolve(item), dataDir.resolve(item), !Files.exists(dataDir.resolve(item)));
        }
        // Only a complete switch ends the journal: a key file beside no database would look like a new clinic.
        for (String item : ITEMS) {
            if (!Files.exists(dataDir.resolve(item))) {
                throw new IOException(item + " could not be moved into the data folder");
            }
        }
        BackupFolders.force(aside);
        BackupFolders.force(dataDir);
        Files.deleteIfExists(dataDir.resolve(JOURNAL));
        BackupFolders.force(dataDir);
        BackupFolders.deleteTree(stage);
    }

    private static void moveIfPresent(Path from, Path to, boolean targetFree) throws IOException {
        // Idempotent: after a crash, whatever was already moved is where it belongs.
        if (Files.exists(from) && targetFree) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
