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

    static Path copyAside(Path dataFile) {
        Path copy = dataFile.resolveSibling(dataFile.getFileName() + ".before-migration");
        try {
            Files.copy(dataFile, copy, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            return copy;
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Reason.BACKUP_FAILED,
                    "Could not copy the database aside before updating it: " + e.getMessage(), e);
        }
    }

    static void putBack(Path copy, Path dataFile) {
        try {
            Files.move(copy, dataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        Path copy = dataFile.resolveSibling(dataFile.getFileName() + ".before-migration");
        if (!Files.exists(copy)) {
            return false;
        }
        putBack(copy, dataFile);
        return true;
    }
}
