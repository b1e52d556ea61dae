package clinic.threshold.service.backup;

import clinic.threshold.domain.backup.RetentionRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where backups go and how many are kept. Stored beside the database ({@code backup.properties}), not in
 * it, because a restore must find the backups when the database itself cannot be opened.
 */
public record BackupSettings(Path folder, RetentionRule retention) {
    public static final String FILE = "backup.properties";
    /** Defaults from the reliability issue: two weeks of daily copies, two months of weekly dumps. */
    public static final int DEFAULT_KEEP_DAILY = 14;
    public static final int DEFAULT_KEEP_WEEKLY = 8;

    public static BackupSettings defaults(Path dataDir) {
        return new BackupSettings(dataDir.resolve("backups"),
                new RetentionRule(DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY));
    }

    /** Reads the settings of {@code dataDir}; missing or unreadable values fall back to the defaults. */
    public static BackupSettings load(Path dataDir) {
        BackupSettings d = defaults(dataDir);
        Path f = dataDir.resolve(FILE);
        if (!Files.exists(f)) {
            return d;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            String folder = p.getProperty("folder", "").strip();
            int daily = Integer.parseInt(p.getProperty("keep.daily", Integer.toString(DEFAULT_KEEP_DAILY)).strip());
            int weekly = Integer.parseInt(p.getProperty("keep.weekly", Integer.toString(DEFAULT_KEEP_WEEKLY)).strip());
            return new BackupSettings(folder.isEmpty() ? d.folder() : Path.of(folder), new RetentionRule(daily, weekly));
        } catch (IOException | RuntimeException e) {
            return d;
        }
    }

    /** Saves to {@code dataDir}, replacing the file whole. */
    public void save(Path dataDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("folder", folder.toAbsolutePath().toString());
        p.setProperty("keep.daily", Integer.toString(retention.keepDaily()));
        p.setProperty("keep.weekly", Integer.toString(retention.keepWeekly()));
        Path tmp = dataDir.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Threshold backup settings");
        }
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when the backups would sit on the same disk as the database (they then do not survive it). */
    public boolean sameDiskAs(Path dataDir) {
        try {
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null || Files.getFileStore(existing).equals(Files.getFileStore(dataDir));
        } catch (IOException e) {
            return true;
        }
    }
}
