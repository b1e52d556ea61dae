package clinic.threshold.service.backup;

import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.data.backup.BackupArchive;
import clinic.threshold.data.backup.BackupManifest;
import clinic.threshold.data.backup.DatabaseSnapshot;
import clinic.threshold.data.backup.H2Backups;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.security.KeyVault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one backup: locks the audit head (every audited write takes that lock, so nothing changes
 * meanwhile), reads the row counts and chain head, has H2 copy or script the database, and packs it with
 * the key file and the head into one archive. The archive is not verified here; see {@link BackupVerifier}.
 */
final class BackupWriter {
    private final Path dataDir;
    private final Clock clock;
    private final String appVersion;

    BackupWriter(Path dataDir, Clock clock, String appVersion) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /**
     * Writes a backup of kind {@code kind} into {@code catalog}'s folder using connection {@code c}, which
     * must be inside a transaction (the caller rolls it back or commits it afterwards: nothing is changed).
     */
    Path write(Connection c, BackupCatalog catalog, BackupKind kind, String keyHex, Progress progress)
            throws SQLException, IOException {
        BackupMethod method = BackupMethod.of(kind);
        Files.createDirectories(catalog.folder());
        Path work = Files.createTempDirectory(catalog.folder(), ".writing-");
        try {
            progress.update("lock", 0.05);
            H2Backups.holdAuditHead(c);
            DatabaseSnapshot snapshot = DatabaseSnapshot.read(c);
            progress.update("copy", 0.1);
            Map<String, Path> files = new LinkedHashMap<>();
            if (method == BackupMethod.FILE) {
                Path zip = work.resolve(BackupArchive.DATABASE_FILE);
                H2Backups.fileCopy(c, zip);
                files.put(BackupArchive.DATABASE_FILE, zip);
            } else {
                Path script = work.resolve(BackupArchive.DATABASE_SCRIPT);
                H2Backups.script(c, script, keyHex);
                files.put(BackupArchive.DATABASE_SCRIPT, script);
            }
            Path keys = dataDir.resolve(KeyVault.FILE);
            if (Files.exists(keys)) {
                Path copy = work.resolve(BackupArchive.KEYS);
                Files.copy(keys, copy);
                files.put(BackupArchive.KEYS, copy);
            }
            Path head = work.resolve(BackupArchive.AUDIT_HEAD);
            new FileAuditAnchor(head).write(new AuditHead(snapshot.auditSeq(), snapshot.auditHash()));
            files.put(BackupArchive.AUDIT_HEAD, head);
            progress.update("pack", 0.4);
            Path target = catalog.newFile(kind, clock.instant());
            BackupArchive.write(target, new BackupManifest(kind, method, clock.instant(), appVersion,
                    H2Backups.h2Version(), snapshot), files);
            return target;
        } finally {
            BackupFolders.deleteTree(work);
        }
    }
}
