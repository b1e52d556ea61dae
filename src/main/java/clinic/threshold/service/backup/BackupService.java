package clinic.threshold.service.backup;

import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.backup.RetentionRule;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.security.AccountKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Backups for a signed-in clinic. Administrators (backup.manage) list, take and verify backups and choose
 * the folder and retention; automatic backups (daily while open, weekly dumps, and at close when anything
 * happened since the last good copy) run as system work for whoever is signed in. Every backup is verified
 * before it counts, and every action is audited. Restoring needs the database closed: see
 * {@link BackupRestorer}.
 */
public final class BackupService {
    /** Sign-ins, sign-outs and backups themselves are not "work since the last backup". */
    private static final Set<String> ROUTINE = Set.of("user.signin", "user.signout", "audit.verify");
    private static final String BACKUP_ACTIONS = "backup.";
    private static final Duration WEEK = Duration.ofDays(7);
    private static final int MAX_REF = 40;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupService.class);

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final AccountKeys keys;
    private final BackupEngine engine;
    private final Supplier<ZoneId> zone;

    public BackupService(Transactor tx, Clock clock, Guard guard, AccountKeys keys, BackupEngine engine,
                         Supplier<ZoneId> zone) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.keys = keys;
        this.engine = engine;
        this.zone = zone;
    }

    /** Where backups go and how many are kept, as an administrator sees it. */
    public record SettingsView(String folder, int keepDaily, int keepWeekly, boolean sameDiskAsData,
                               String dataFolder, long databaseBytes) {
    }

    public List<BackupInfo> list() {
        guard.require(Permission.BACKUP_MANAGE, "backup.list", null);
        return engine.catalog().list();
    }

    public SettingsView settings() {
        guard.require(Permission.BACKUP_MANAGE, "backup.settings", null);
        BackupSettings s = engine.settings();
        long size;
        try {
            size = Files.size(engine.dataDir().resolve("db").resolve("threshold.mv.db"));
        } catch (IOException e) {
            size = -1;
        }
        return new SettingsView(s.folder().toAbsolutePath().toString(), s.retention().keepDaily(),
                s.retention().keepWeekly(), s.sameDiskAs(engine.dataDir()), engine.dataDir().toString(), size);
    }

    /** Changes the folder and retention after checking the folder can be written; audited. */
    public SettingsView updateSettings(String folder, int keepDaily, int keepWeekly) {
        UserSession s = guard.require(Permission.BACKUP_MANAGE, "backup.settings", null);
        List<Violation> v = new ArrayList<>();
        Path dir = checkFolder(folder, v);
        if (keepDaily < RetentionRule.MIN_KEEP || keepDaily > RetentionRule.MAX_KEEP) {
            v.add(Violation.of(BackupFields.KEEP_DAILY, "validation.range", RetentionRule.MIN_KEEP,
                    RetentionRule.MAX_KEEP));
        }
        if (keepWeekly < RetentionRule.MIN_KEEP || keepWeekly > RetentionRule.MAX_KEEP) {
            v.add(Violation.of(BackupFields.KEEP_WEEKLY, "validation.range", RetentionRule.MIN_KEEP,
                    RetentionRule.MAX_KEEP));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        BackupSettings before = engine.settings();
        BackupSettings after = new BackupSettings(dir, new RetentionRule(keepDaily, keepWeekly));
        try {
            after.save(engine.dataDir());
        } catch (IOException e) {
            throw new BackupException("The backup settings could not be saved: " + e.getMessage(), e);
        }
        guard.audit().appendAlone(s.actor(), AuditEntry.security("backup.settings", AuditOutcome.SUCCESS, "backup",
                null, "folder " + before.folder().toAbsolutePath() + " -> " + dir + ", keep daily "
                        + before.retention().keepDaily() + " -> " + keepDaily + ", weekly "
                        + before.retention().keepWeekly() + " -> " + keepWeekly));
        return settings();
    }

    /** An administrator's backup now (an exact file copy), verified; returns it whatever the check said. */
    public BackupInfo createNow(Progress progress) {
        UserSession s = guard.require(Permission.BACKUP_MANAGE, "backup.create", null);
        return take(BackupKind.MANUAL, s.actor(), progress);
    }

    /** Verifies an existing backup again (for example one copied back from another disk); audited. */
    public BackupInfo verify(String fileName, Progress progress) {
        UserSession s = guard.require(Permission.BACKUP_MANAGE, "backup.verify", null);
        BackupCatalog catalog = engine.catalog();
        BackupInfo b = catalog.find(fileName).orElseThrow(() ->
                new BackupException("There is no backup named " + fileName + " in " + catalog.folder()));
        String k = keys.withKeyHex(hex -> hex);
        BackupInfo after;
        synchronized (engine) { // never verified while retention could remove it
            after = engine.verify(catalog.folder().resolve(b.fileName()), k, progress);
        }
        guard.audit().appendAlone(s.actor(), AuditEntry.security("backup.verify",
                after.good() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, "backup", ref(after.fileName()),
                after.fileName() + (after.good() ? ": verified" : ": " + after.problem())));
        return after;
    }

    /** The automatic backups due now: a daily one, and a weekly one kept for longer. */
    public List<BackupKind> due() {
        List<BackupInfo> all = engine.catalog().list();
        List<BackupKind> due = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone.get());
        boolean fileToday = all.stream().anyMatch(b -> b.good() && BackupMethod.dailyTier(b.kind())
                && LocalDate.ofInstant(b.createdAt(), zone.get()).equals(today) && sameLineage(b));
        if (!fileToday) {
            due.add(BackupKind.DAILY);
        }
        Instant weekAgo = clock.instant().minus(WEEK);
        boolean dumpThisWeek = all.stream().anyMatch(b -> b.good() && !BackupMethod.dailyTier(b.kind())
                && b.createdAt().isAfter(weekAgo) && sameLineage(b));
        if (!dumpThisWeek) {
            due.add(BackupKind.WEEKLY);
        }
        return due;
    }

    /** Takes the automatic backups that are due, then prunes; system work, no permission needed. */
    public List<BackupInfo> runDue() {
        List<BackupInfo> taken = new ArrayList<>();
        for (BackupKind k : due()) {
            taken.add(take(k, Actor.SYSTEM, Progress.NONE));
        }
        if (!taken.isEmpty()) {
            prune();
        }
        return taken;
    }

    /**
     * At close: a daily backup when anything was done since the newest good daily one (routine sign-ins and
     * backups do not count), then pruning. Returns the backup taken, if any.
     */
    public Optional<BackupInfo> atClose() {
        Optional<BackupInfo> last = engine.catalog().list().stream()
                .filter(b -> b.good() && BackupMethod.dailyTier(b.kind())).findFirst();
        boolean changed = last.map(b -> !sameLineage(b) || tx.read(dsl -> new AuditRepository(dsl)
                .anyWorkAfter(b.auditSeq(), ROUTINE, BACKUP_ACTIONS))).orElse(true);
        if (!changed) {
            return Optional.empty();
        }
        BackupInfo b = take(BackupKind.DAILY, Actor.SYSTEM, Progress.NONE);
        prune();
        return Optional.of(b);
    }

    /**
     * Whether the live clinic descends from the state in {@code b}: the audit event at the backup's head is
     * still the same event. After a restore of an older backup, later backups of the abandoned line do not
     * count as "today's" copy, and the next close takes a new one.
     */
    private boolean sameLineage(BackupInfo b) {
        if (b.auditSeq() == 0) {
            return true;
        }
        return tx.read(dsl -> new AuditRepository(dsl).find(b.auditSeq()))
                .map(r -> r.rowHash().equals(b.auditHash())).orElse(false);
    }

    private BackupInfo take(BackupKind kind, Actor actor, Progress progress) {
        synchronized (engine) {
            BackupInfo b;
            // The key is copied out: holding the key holder's lock for the whole backup would stall
            // password changes and user administration meanwhile.
            String k = keys.withKeyHex(hex -> hex);
            long start = System.nanoTime();
            long written;
            try {
                Path archive = tx.inTransaction(dsl -> dsl.connectionResult(c ->
                        engine.write(c, kind, k, (step, f) -> progress.update(step, f * 0.5))));
                written = System.nanoTime();
                b = engine.verify(archive, k, (step, f) -> progress.update(step, 0.5 + f * 0.5));
            } catch (BackupException e) {
                guard.audit().appendAlone(actor, AuditEntry.security("backup.create", AuditOutcome.FAILED, "backup",
                        null, kind + ": " + e.getMessage()));
                throw e;
            }
            guard.audit().appendAlone(actor, AuditEntry.security("backup.create",
                    b.good() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, "backup", ref(b.fileName()),
                    b.fileName() + ", " + kind + ", " + b.sizeBytes() + " bytes, " + b.rows() + " rows, written in "
                            + millis(start, written) + " ms, checked in " + millis(written, System.nanoTime()) + " ms"
                            + (b.good() ? ", verified" : ", verification failed: " + b.problem())));
            LOG.info("Backup {}: {} bytes, written in {} ms (audit lock held), checked in {} ms, {}", kind,
                    b.sizeBytes(), millis(start, written), millis(written, System.nanoTime()), b.status());
            return b;
        }
    }

    private void prune() {
        List<BackupInfo> removed;
        synchronized (engine) {
            removed = engine.prune(zone.get());
        }
        for (BackupInfo b : removed) {
            guard.audit().appendAlone(Actor.SYSTEM, AuditEntry.security("backup.remove", AuditOutcome.SUCCESS,
                    "backup", ref(b.fileName()), b.fileName() + " by retention: " + b.kind() + " of " + b.createdAt()));
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** A backup's name as an audit entity id (at most 40 characters); the full name goes in the detail. */
    private static String ref(String fileName) {
        String r = fileName.replaceFirst("^threshold-", "").replaceFirst("\\.zip$", "");
        return r.length() <= MAX_REF ? r : r.substring(0, MAX_REF);
    }

    private Path checkFolder(String folder, List<Violation> v) {
        if (folder == null || folder.isBlank()) {
            v.add(Violation.of(BackupFields.FOLDER, "validation.required"));
            return null;
        }
        Path dir;
        try {
            dir = Path.of(folder.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            v.add(Violation.of(BackupFields.FOLDER, "backup.validation.folderInvalid"));
            return null;
        }
        Path data = engine.dataDir().toAbsolutePath().normalize();
        boolean reserved = dir.equals(data) || java.util.stream.Stream.of("db", "restore-staging", "replaced")
                .map(data::resolve).anyMatch(dir::startsWith);
        if (reserved) {
            v.add(Violation.of(BackupFields.FOLDER, "backup.validation.folderInDatabase"));
            return dir;
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            v.add(Violation.of(BackupFields.FOLDER, "backup.validation.folderNotWritable"));
        }
        return dir;
    }
}
