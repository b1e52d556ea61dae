package clinic.threshold.service.backup;

import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.data.backup.BackupArchive;
import clinic.threshold.data.backup.BackupManifest;
import clinic.threshold.data.backup.DatabaseSnapshot;
import clinic.threshold.data.backup.H2Backups;
import clinic.threshold.data.db.Database;
import clinic.threshold.domain.audit.AuditCheck;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.security.KeyVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Proves a backup restores: unpacks it into a staging folder (the database under {@code db/}, the key file
 * and the audit head beside it, as in a data folder), opens the copy with the clinic's key, and compares
 * every table's row count and the audit chain head with the manifest, then walks the whole audit chain of
 * the copy. Problems come back in words; nothing here throws for a bad backup.
 */
final class BackupVerifier {

    /** The outcome; {@code manifest} is null when the archive could not even be read. */
    record Result(boolean ok, String problem, BackupManifest manifest) {
        static Result bad(String problem, BackupManifest m) {
            return new Result(false, problem, m);
        }
    }

    /** Verifies {@code archive} in a fresh work folder under {@code workParent}, removed afterwards. */
    Result verify(Path archive, String keyHex, Path workParent, Progress progress) {
        Path stage = null;
        try {
            Files.createDirectories(workParent);
            stage = Files.createTempDirectory(workParent, ".verify-");
            return stage(archive, keyHex, stage, progress);
        } catch (IOException e) {
            return Result.bad("no room to check the backup (" + e.getMessage() + ")", null);
        } finally {
            BackupFolders.deleteTree(stage);
        }
    }

    /**
     * Unpacks and checks {@code archive} into the empty folder {@code stage}; when the result is ok, the
     * folder holds a data folder's worth of files ready to be switched in by a restore.
     */
    Result stage(Path archive, String keyHex, Path stage, Progress progress) {
        BackupManifest m;
        try {
            m = BackupArchive.manifest(archive);
        } catch (IOException | RuntimeException e) {
            return Result.bad("the backup file cannot be read: " + e.getMessage(), null);
        }
        try {
            progress.update("unpack", 0.5);
            Path db = Files.createDirectories(stage.resolve("db"));
            BackupArchive.extract(archive, BackupArchive.AUDIT_HEAD, stage.resolve("audit.head"));
            BackupArchive.extract(archive, BackupArchive.KEYS, stage.resolve(KeyVault.FILE));
            KeyVault.load(stage);
            try (Connection c = restoreDatabase(archive, m, db, keyHex)) {
                progress.update("compare", 0.7);
                DatabaseSnapshot restored = DatabaseSnapshot.read(c);
                List<String> diffs = m.snapshot().differencesFrom(restored);
                if (!diffs.isEmpty()) {
                    return Result.bad("the restored copy differs: " + String.join("; ", diffs), m);
                }
                progress.update("read", 0.75);
                java.util.Map<String, Long> read = DatabaseSnapshot.readEveryRow(c);
                if (!read.equals(m.snapshot().rowCounts())) {
                    return Result.bad("reading every row of the restored copy gave other counts: " + read, m);
                }
                progress.update("audit", 0.8);
                AuditCheck chain = new AuditVerifier(new FileAuditAnchor(stage.resolve("audit.head")))
                        .verify(Database.dslFor(c), n -> { });
                if (!chain.intact()) {
                    return Result.bad("the audit trail in the backup does not verify: " + chain.problem(), m);
                }
            }
            progress.update("done", 1.0);
            return new Result(true, null, m);
        } catch (KeyVault.DamagedKeyFileException e) {
            return Result.bad("the key file in the backup is damaged", m);
        } catch (SQLException e) {
            return Result.bad("the database in the backup cannot be opened or read (H2 error " + e.getErrorCode()
                    + ")", m);
        } catch (IOException e) {
            return Result.bad("the backup file is damaged or incomplete: " + e.getMessage(), m);
        } catch (RuntimeException e) {
            // The class name only: messages of database errors can quote the data they failed on.
            return Result.bad("the backup could not be checked (" + e.getClass().getSimpleName() + ")", m);
        }
    }

    private static Connection restoreDatabase(Path archive, BackupManifest m, Path db, String keyHex)
            throws IOException, SQLException {
        if (m.method() == BackupMethod.FILE) {
            Path inner = db.resolve(BackupArchive.DATABASE_FILE);
            BackupArchive.extract(archive, BackupArchive.DATABASE_FILE, inner);
            BackupArchive.unpackDatabase(inner, db);
            Files.delete(inner);
            return H2Backups.open(db, keyHex, false);
        }
        Path script = db.resolve(BackupArchive.DATABASE_SCRIPT);
        BackupArchive.extract(archive, BackupArchive.DATABASE_SCRIPT, script);
        Connection c = H2Backups.open(db, keyHex, true);
        try {
            H2Backups.runScript(c, script, keyHex);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        Files.delete(script);
        return c;
    }
}
