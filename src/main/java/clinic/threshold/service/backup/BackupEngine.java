package clinic.threshold.service.backup;

import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.common.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes, verifies and prunes the backups of one data folder, with no notion of who asked: the signed-in
 * {@link BackupService}, the migration guard and the restore path all build on it. A backup is never
 * reported good before it has been restored into a work folder and compared (see {@link BackupVerifier}).
 */
public final class BackupEngine {
    private final Path dataDir;
    private final Clock clock;
    private final BackupWriter writer;
    private final BackupVerifier verifier = new BackupVerifier();

    public BackupEngine(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        String v = BackupEngine.class.getPackage().getImplementationVersion();
        this.writer = new BackupWriter(dataDir, clock, v == null ? "development" : v);
    }

    public BackupSettings settings() {
        return BackupSettings.load(dataDir);
    }

    public BackupCatalog catalog() {
        return new BackupCatalog(settings().folder());
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * Writes a backup on {@code c} (inside a transaction the caller ends), then verifies it and records the
     * result. Returns the backup as listed; its status says whether it is good.
     */
    public BackupInfo takeAndVerify(Connection c, BackupKind kind, String keyHex, Progress progress) {
        Path archive = write(c, kind, keyHex, (step, f) -> progress.update(step, f * 0.5));
        return verify(archive, keyHex, (step, f) -> progress.update(step, 0.5 + f * 0.5));
    }

    /** Writes a backup on {@code c}, which must be inside a transaction the caller ends. Not yet verified. */
    public Path write(Connection c, BackupKind kind, String keyHex, Progress progress) {
        BackupCatalog catalog = catalog();
        catalog.sweepLeftovers(clock.instant().minus(java.time.Duration.ofHours(1)));
        try {
            return writer.write(c, catalog, kind, keyHex, progress);
        } catch (IOException e) {
            throw new BackupException("The backup could not be written to " + catalog.folder() + ": "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("The database could not be backed up (H2 error " + e.getErrorCode() + ")", e);
        }
    }

    /** Verifies {@code archive} and records the result beside it. */
    public BackupInfo verify(Path archive, String keyHex, Progress progress) {
        BackupCatalog catalog = new BackupCatalog(archive.getParent());
        BackupVerifier.Result r = verifier.verify(archive, keyHex, archive.getParent(), progress);
        catalog.recordCheck(archive, r.ok(), r.problem(), clock.instant());
        return catalog.describe(archive);
    }

    /** Verifies {@code archive} into {@code stage}, leaving a data folder's files there when it is good. */
    BackupVerifier.Result stage(Path archive, String keyHex, Path stage, Progress progress) {
        return verifier.stage(archive, keyHex, stage, progress);
    }

    /** Applies the retention rule; returns what was removed. */
    public List<BackupInfo> prune(ZoneId zone) {
        BackupCatalog catalog = catalog();
        List<BackupInfo> removed = new ArrayList<>();
        for (BackupInfo b : settings().retention().toRemove(catalog.list(), zone)) {
            try {
                catalog.remove(b);
                removed.add(b);
            } catch (IOException e) {
                // left for the next run; a backup too many is harmless
            }
        }
        return removed;
    }
}
