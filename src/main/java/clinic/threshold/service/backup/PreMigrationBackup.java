package clinic.threshold.service.backup;

import clinic.threshold.data.db.MigrationGuard;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.common.Progress;
import java.sql.Connection;

/**
 * Before a migration changes an existing database: a portable, encrypted dump, verified by restoring it.
 * If it cannot be taken or does not verify, the migration does not start.
 */
public final class PreMigrationBackup implements MigrationGuard {
    private final BackupEngine engine;
    private final String keyHex;

    public PreMigrationBackup(BackupEngine engine, String keyHex) {
        this.engine = engine;
        this.keyHex = keyHex;
    }

    @Override
    public String beforeMigrating(Connection c, String from, String to) throws Exception {
        c.setAutoCommit(false);
        BackupInfo b;
        try {
            // After a failed update every further attempt would dump the same unchanged data again.
            clinic.threshold.data.backup.DatabaseSnapshot now = clinic.threshold.data.backup.DatabaseSnapshot.read(c);
            java.util.Optional<BackupInfo> same = engine.catalog().list().stream().filter(x -> x.good()
                    && x.kind() == BackupKind.PRE_MIGRATION && x.schemaVersion().equals(now.schemaVersion())
                    && x.auditSeq() == now.auditSeq() && x.auditHash().equals(now.auditHash())
                    && x.rows() == now.totalRows()).findFirst();
            if (same.isPresent()) {
                return same.get().location();
            }
            b = engine.takeAndVerify(c, BackupKind.PRE_MIGRATION, keyHex, Progress.NONE);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        if (!b.good()) {
            throw new BackupException("the backup " + b.location() + " did not verify: " + b.problem());
        }
        return b.location();
    }
}
