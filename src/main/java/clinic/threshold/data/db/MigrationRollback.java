package clinic.threshold.data.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A copy of the closed database file taken just before migrations run, put back if one fails. H2 commits
 * each DDL statement on its own, so a failed migration can leave half a change; the copy is the exact
 * previous state.
 */
final class MigrationRollback {
    private MigrationRollback() {
    }

    /**
     * Copies the closed file to a ".part" name, forces it to disk and only then renames it: a copy under
     * the final name is always complete, so putting it back at the next start can never install half a
     * file (a full disk or a crash during the copy leaves only a ".part", which is discarded).
     */
    static Path copyAside(Path dataFile) {
        Path copy = copyName(dataFile);
        Path part = copy.resolveSibling(copy.getFileName() + ".part");
        try {
            Files.copy(dataFile, part, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(part, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(copy.getParent());
            return copy;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // the next open discards it anyway
            }
            throw new DatabaseException(DatabaseException.Reason.BACKUP_FAILED,
                    "Could not copy the database aside before updating it: " + e.getMessage(), e);
        }
    }

    private static Path copyName(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".before-migration");
    }

    /** Makes renames in {@code dir} durable where the platform allows it (not on Windows). */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory this way; NTFS journals the rename itself
        }
    }

    static void putBack(Path copy, Path dataFile) {
        try {
            Files.move(copy, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dataFile.getParent());
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Reason.MIGRATION_FAILED,
                    "A database update failed and the previous file could not be put back; it is kept as "
                            + copy + ". Do not start Threshold again before an administrator restores it.", e);
        }
    }

    /** After a successful migration. A copy left behind always means a migration was interrupted. */
    static void discard(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Reason.OTHER,
                    "The database was updated, but its pre-update copy " + copy + " could not be removed: "
                            + e.getMessage(), e);
        }
    }

    /**
     * Before opening: a copy still present means the process died during a migration, so the file may be
     * half-migrated. The copy is the last good state; put it back and let the migration run again.
     */
    static boolean recoverInterrupted(Path dataFile) {
        Path copy = copyName(dataFile);
        try {
            Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + ".part")); // never complete
        } catch (IOException e) {
            // harmless: a ".part" is never put back
        }
        if (!Files.exists(copy)) {
            return false;
        }
        putBack(copy, dataFile);
        return true;
    }
}
