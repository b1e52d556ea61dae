package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.Secrets;
import clinic.threshold.service.backup.BackupEngine;
import clinic.threshold.service.backup.BackupRestorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Work on the whole, closed data folder that goes through the gate's key and database handling: restoring
 * a backup and compacting by rebuild. Split from {@link ClinicGate}, which keeps sign-in and setup.
 */
final class ClinicRestore {
    /** How the gate opens its database with a proven key (never creating one here). */
    @FunctionalInterface
    interface Databases {
        Database open(byte[] dataKey, boolean create);
    }

    private final Path dir;
    private final Clock clock;
    private final Supplier<KeyVault> vaults;
    private final Databases databases;
    private final Function<Transactor, AuditLog> auditLogs;

    ClinicRestore(Path dir, Clock clock, Supplier<KeyVault> vaults, Databases databases,
                  Function<Transactor, AuditLog> auditLogs) {
        this.dir = dir;
        this.clock = clock;
        this.vaults = vaults;
        this.databases = databases;
        this.auditLogs = auditLogs;
    }

    /**
     * Restores {@code archive} into this (closed) data folder, as {@code username}, who must be an active
     * administrator in the backup and whose password must open it; then opens the restored database once
     * (running any migrations a backup from an older version needs) and records the restore in its audit
     * trail. Clears the password. See {@link BackupRestorer}.
     */
    BackupRestorer.Restored restore(java.nio.file.Path archive, String username, char[] password,
                                           clinic.threshold.domain.common.Progress progress) {
        return new BackupRestorer(dir, clock).restore(archive, username, password, progress, (r, key) ->
                recordAfterSwitch(key, r, "backup.restore", "restored " + r.backup() + ", the backup of "
                        + r.createdAt() + " (schema " + r.schemaVersion() + "); the replaced files are kept in "
                        + r.replacedFiles()));
    }

    /**
     * Compacts the database the safe way: a verified portable dump of it, rebuilt into a new file (H2 runs
     * the dump into an empty database) and switched in like a restore, the old file kept aside. H2's own
     * compaction is the code path that has lost data (ADR 0003); and with WRITE_DELAY=0 its background
     * housekeeping never runs, so the file only grows. The database must be closed (nobody signed in).
     * {@code username} must be an administrator whose password opens the key. Clears the password.
     */
    BackupRestorer.Restored compact(String username, char[] password,
                                           clinic.threshold.domain.common.Progress progress) {
        char[] again = password.clone();
        try {
            String key = UserRules.key(username);
            KeyVault vault = vaults.get();
            byte[] dataKey = vault.userWrap(key).map(w -> w.unwrap(password, key)).orElse(null);
            if (dataKey == null) {
                throw new clinic.threshold.service.backup.RestoreRefusedException(
                        clinic.threshold.service.backup.RestoreRefusedException.Reason.WRONG_CREDENTIALS,
                        "the user name or password is not right");
            }
            long before = fileSize(dir.resolve("db").resolve("threshold.mv.db"));
            java.nio.file.Path dump;
            try (Database db = databases.open(dataKey, false)) {
                UserRepository users = new UserRepository(db.dsl());
                AppUser u = users.credentials(key).map(UserRepository.Credentials::user).orElse(null);
                if (u == null || !u.active() || !users.permissionsOf(u.roles())
                        .contains(clinic.threshold.domain.user.Permission.BACKUP_MANAGE)) {
                    throw new clinic.threshold.service.backup.RestoreRefusedException(
                            clinic.threshold.service.backup.RestoreRefusedException.Reason.NOT_ALLOWED,
                            "only an active administrator may compact the database");
                }
                String hex = HexFormat.of().formatHex(dataKey);
                clinic.threshold.domain.backup.BackupInfo b = new Transactor(db.dsl()).inTransaction(dsl ->
                        dsl.connectionResult(c -> new BackupEngine(dir, clock).takeAndVerify(c,
                                clinic.threshold.domain.backup.BackupKind.WEEKLY, hex,
                                (step, f) -> progress.update(step, f * 0.4))));
                if (!b.good()) {
                    throw new clinic.threshold.service.backup.BackupException(
                            "The dump taken to compact the database failed its check, so nothing was changed: "
                                    + b.problem());
                }
                dump = java.nio.file.Path.of(b.location());
            } finally {
                Secrets.clear(dataKey);
            }
            return new BackupRestorer(dir, clock).restore(dump, username, again,
                    (step, f) -> progress.update(step, 0.4 + f * 0.6), (r, k) -> recordAfterSwitch(k, r,
                            "database.compact", "rebuilt from the verified dump " + r.backup() + ": "
                                    + before + " -> " + fileSize(dir.resolve("db").resolve("threshold.mv.db")) + " bytes; the old file is kept in "
                                    + r.replacedFiles()));
        } finally {
            Secrets.clear(password);
            Secrets.clear(again);
        }
    }

    /** Opens the switched-in database once (migrating an older one) and records what was done. */
    private void recordAfterSwitch(byte[] key, BackupRestorer.Restored r, String action, String detail) {
        try (Database db = databases.open(key, false)) {
            AuditLog audit = auditLogs.apply(new Transactor(db.dsl()));
            audit.appendAlone(new Actor(r.userId(), r.username()), AuditEntry.security(action, AuditOutcome.SUCCESS,
                    "backup", null, detail));
        }
    }

    private static long fileSize(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
