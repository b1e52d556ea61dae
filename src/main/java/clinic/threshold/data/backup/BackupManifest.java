package clinic.threshold.data.backup;

import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.backup.BackupMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The description stored inside every backup ({@code manifest.properties}): what it holds and what a
 * restore of it must reproduce. Format "threshold-backup/1"; see docs/formats/backup.md.
 */
public record BackupManifest(BackupKind kind, BackupMethod method, Instant createdAt, String appVersion,
                             String h2Version, DatabaseSnapshot snapshot) {
    public static final String FORMAT = "threshold-backup/1";
    private static final String COUNT = "rows.";

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("kind", kind.name());
        p.setProperty("method", method.name());
        p.setProperty("created", createdAt.toString());
        p.setProperty("app.version", appVersion);
        p.setProperty("h2.version", h2Version);
        p.setProperty("schema.version", snapshot.schemaVersion());
        p.setProperty("audit.seq", Long.toString(snapshot.auditSeq()));
        p.setProperty("audit.hash", snapshot.auditHash());
        snapshot.rowCounts().forEach((t, n) -> p.setProperty(COUNT + t, Long.toString(n)));
        return p;
    }

    /** Parses a manifest; throws {@link IllegalArgumentException} naming what is wrong. */
    public static BackupManifest fromProperties(Properties p) {
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IllegalArgumentException("not a Threshold backup (format " + p.getProperty("format") + ")");
        }
        try {
            Map<String, Long> counts = new TreeMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith(COUNT)) {
                    counts.put(name.substring(COUNT.length()), Long.parseLong(p.getProperty(name)));
                }
            }
            return new BackupManifest(BackupKind.valueOf(p.getProperty("kind")),
                    BackupMethod.valueOf(p.getProperty("method")), Instant.parse(p.getProperty("created")),
                    p.getProperty("app.version", ""), p.getProperty("h2.version", ""),
                    new DatabaseSnapshot(counts, Long.parseLong(p.getProperty("audit.seq")),
                            p.getProperty("audit.hash", ""), p.getProperty("schema.version", "")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the backup's manifest is damaged (" + e.getMessage() + ")", e);
        }
    }
}
