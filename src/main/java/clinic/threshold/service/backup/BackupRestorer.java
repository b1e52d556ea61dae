package clinic.threshold.service.backup;

import clinic.threshold.data.backup.BackupArchive;
import clinic.threshold.data.backup.H2Backups;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.Role;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.KeyWrap;
import clinic.threshold.security.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Restores a backup into a data folder whose database is closed. The person restoring proves who they are
 * against the backup itself: their password must open the backup's key, and they must be an active
 * administrator in the restored records. The backup is unpacked and verified in a staging folder first;
 * only then are the current files moved aside (kept, never deleted) and the copy switched in.
 */
public final class BackupRestorer {
    static final String STAGE = "restore-staging";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Clock clock;
    private final BackupEngine engine;

    public BackupRestorer(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.engine = new BackupEngine(dataDir, clock);
    }

    /** What was restored: who did it, from which backup, and where the replaced files are. */
    public record Restored(long userId, String username, String backup, String createdAt, String schemaVersion,
                           Path replacedFiles) {
        @Override
        public String toString() {
            return "Restored[" + username + ", " + backup + "]"; // never the key
        }
    }

    /** The newest verified backup in the configured folder, for the "restore" offer on a damaged file. */
    public Optional<Path> newestGood() {
        BackupCatalog c = engine.catalog();
        return c.newestGood().map(b -> c.folder().resolve(b.fileName()));
    }

    /**
     * Verifies {@code archive}, checks {@code username}/{@code password} against it, and switches it in;
     * then hands the result and the key to {@code afterSwitch} (which records the restore). Throws {@link RestoreRefusedException} (nothing changed) or {@link BackupException}. Clears the password.
     */
    public Restored restore(Path archive, String username, char[] password, Progress progress,
                            java.util.function.BiConsumer<Restored, byte[]> afterSwitch) {
        Path stage = dataDir.resolve(STAGE);
        byte[] key = null;
        try {
            RestoreSwitch.finishInterrupted(dataDir); // a switch cut short earlier is completed first
            BackupFolders.deleteTree(stage);
            Files.createDirectories(stage);
            String userKey = UserRules.key(username);
            progress.update("key", 0.05);
            key = unlock(archive, stage, userKey, password);
            allowedNow(userKey);
            String hex = HexFormat.of().formatHex(key);
            BackupVerifier.Result r = engine.stage(archive, hex, stage, (s, f) -> progress.update(s, 0.1 + f * 0.7));
            if (!r.ok()) {
                throw new RestoreRefusedException(RestoreRefusedException.Reason.BAD_BACKUP, r.problem());
            }
            AppUser who = administrator(stage, hex, userKey);
            progress.update("switch", 0.9);
            Path aside = freeAside();
            try {
                RestoreSwitch.swap(dataDir, stage, aside);
            } catch (IOException e) {
                throw new BackupException("The restore could not finish switching files (" + e.getMessage()
                        + "). Nothing is lost: the previous files are in " + aside + " and the restored ones in "
                        + stage + ". Close Threshold and start it again to complete the switch.", e);
            }
            Restored done = new Restored(who.id(), userKey, archive.getFileName().toString(),
                    r.manifest().createdAt().toString(), r.manifest().snapshot().schemaVersion(), aside);
            progress.update("open", 0.95);
            try {
                afterSwitch.accept(done, key);
            } catch (RuntimeException e) {
                throw new BackupException("The backup was restored (the replaced files are in " + aside
                        + "), but opening it afterwards failed. Sign in to see why.", e);
            }
            progress.update("done", 1.0);
            return done;
        } catch (IOException e) {
            throw new BackupException("The restore could not write to " + dataDir + ": " + e.getMessage(), e);
        } finally {
            Secrets.clear(password);
            Secrets.clear(key);
            if (Files.exists(stage) && !RestoreSwitch.pending(dataDir)) {
                BackupFolders.deleteTree(stage); // a pending switch still needs the staged files
            }
        }
    }

    /** A new folder name under replaced/ that no earlier restore used. */
    private Path freeAside() {
        Path base = dataDir.resolve("replaced");
        String stamp = ASIDE.format(clock.instant());
        Path p = base.resolve(stamp);
        for (int i = 2; Files.exists(p); i++) {
            p = base.resolve(stamp + "-" + i);
        }
        return p;
    }

    private static byte[] unlock(Path archive, Path stage, String userKey, char[] password) throws IOException {
        try {
            BackupArchive.extract(archive, BackupArchive.KEYS, stage.resolve(KeyVault.FILE));
        } catch (IOException e) {
            throw new RestoreRefusedException(RestoreRefusedException.Reason.BAD_BACKUP,
                    "the backup file cannot be read: " + e.getMessage());
        }
        KeyVault vault;
        try {
            vault = KeyVault.load(stage);
        } catch (KeyVault.DamagedKeyFileException e) {
            throw new RestoreRefusedException(RestoreRefusedException.Reason.BAD_BACKUP,
                    "the key file in the backup is damaged");
        }
        Optional<KeyWrap> wrap = vault.userWrap(userKey);
        byte[] key = wrap.map(w -> w.unwrap(password, userKey)).orElse(null);
        Files.delete(stage.resolve(KeyVault.FILE));
        if (key == null) {
            throw new RestoreRefusedException(RestoreRefusedException.Reason.WRONG_CREDENTIALS,
                    "the user name or password does not open this backup");
        }
        return key;
    }

    /**
     * The backup proves who someone was; the current key file says whether they may still act. An account
     * deactivated or locked since the backup must not roll the clinic back to a time it was active. When the
     * current key file is missing or damaged (one reason to restore), the backup alone decides.
     */
    private void allowedNow(String userKey) {
        if (!KeyVault.exists(dataDir)) {
            return;
        }
        KeyVault current;
        try {
            current = KeyVault.load(dataDir);
        } catch (KeyVault.DamagedKeyFileException e) {
            return;
        }
        if (current.userWrap(userKey).isEmpty() || current.isDeactivated(userKey) || current.state(userKey).locked()) {
            throw new RestoreRefusedException(RestoreRefusedException.Reason.NOT_ALLOWED,
                    "this account is not an active, unlocked account of the clinic now");
        }
    }

    private static AppUser administrator(Path stage, String hex, String userKey) {
        try (Connection c = H2Backups.open(stage.resolve("db"), hex, false)) {
            UserRepository users = new UserRepository(Database.dslFor(c));
            AppUser u = users.credentials(userKey).map(UserRepository.Credentials::user).orElse(null);
            boolean knowsPermission = users.permissionCatalog().containsKey(Permission.BACKUP_MANAGE);
            boolean allowed = u != null && u.active() && (knowsPermission
                    ? users.permissionsOf(u.roles()).contains(Permission.BACKUP_MANAGE)
                    : u.roles().contains(Role.ADMIN)); // backups from before the permission existed (V011)
            if (!allowed) {
                throw new RestoreRefusedException(RestoreRefusedException.Reason.NOT_ALLOWED,
                        "only an active administrator of the clinic in the backup may restore it");
            }
            return u;
        } catch (SQLException e) {
            throw new RestoreRefusedException(RestoreRefusedException.Reason.BAD_BACKUP,
                    "the restored copy cannot be read (H2 error " + e.getErrorCode() + ")");
        }
    }
}
