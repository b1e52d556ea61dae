package clinic.threshold.service.backup;

import clinic.threshold.data.backup.BackupArchive;
import clinic.threshold.data.backup.BackupManifest;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.backup.BackupStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The backups in a folder: {@code threshold-<UTC time>-<kind>.zip}, each with a {@code .check} file beside
 * it recording the verification result. A backup without a check record counts as unverified; one whose
 * manifest cannot be read is listed as failed, never hidden.
 */
public final class BackupCatalog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final String PREFIX = "threshold-";
    private static final String SUFFIX = ".zip";
    private static final String CHECK = ".check";

    private final Path folder;

    public BackupCatalog(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** A name for a new backup taken at {@code at}: unique in the folder even for backups in the same millisecond. */
    public Path newFile(BackupKind kind, Instant at) {
        Path p = name(kind, at);
        while (Files.exists(p)) {
            at = at.plusMillis(1);
            p = name(kind, at);
        }
        return p;
    }

    private Path name(BackupKind kind, Instant at) {
        return folder.resolve(PREFIX + STAMP.format(at) + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + SUFFIX);
    }

    /** Every backup in the folder, newest first. */
    public List<BackupInfo> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupInfo> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(p -> isBackupName(p.getFileName().toString())).forEach(p -> all.add(describe(p)));
        } catch (IOException e) {
            throw new BackupException("The backup folder " + folder + " cannot be read: " + e.getMessage(), e);
        }
        all.sort(Comparator.comparing(BackupInfo::createdAt).reversed());
        return all;
    }

    public Optional<BackupInfo> find(String fileName) {
        if (!isBackupName(fileName)) {
            return Optional.empty();
        }
        Path p = folder.resolve(fileName);
        return Files.isRegularFile(p) ? Optional.of(describe(p)) : Optional.empty();
    }

    /** The newest backup that passed verification. */
    public Optional<BackupInfo> newestGood() {
        return list().stream().filter(BackupInfo::good).findFirst();
    }

    public BackupInfo describe(Path archive) {
        long size = size(archive);
        Properties check = readCheck(archive);
        if (!check.isEmpty() && !fingerprint(archive).equals(check.getProperty("file"))) {
            check.clear(); // the file changed after it was checked: the old result says nothing about it
        }
        BackupStatus status = BackupStatus.valueOf(check.getProperty("status", BackupStatus.UNVERIFIED.name()));
        Instant checkedAt = check.containsKey("checked") ? Instant.parse(check.getProperty("checked")) : null;
        try {
            BackupManifest m = BackupArchive.manifest(archive);
            return new BackupInfo(archive.getFileName().toString(), archive.toString(), m.kind(), m.method(),
                    m.createdAt(), size, status, check.getProperty("problem"), m.snapshot().schemaVersion(),
                    m.snapshot().totalRows(), m.snapshot().auditSeq(), m.snapshot().auditHash(), checkedAt);
        } catch (IOException | RuntimeException e) {
            Instant when = fileTime(archive);
            return new BackupInfo(archive.getFileName().toString(), archive.toString(), kindFromName(archive),
                    BackupMethod.of(kindFromName(archive)), when, size, BackupStatus.FAILED,
                    "the backup file cannot be read (" + e.getMessage() + ")", "", 0, 0, "", checkedAt);
        }
    }

    /** Records a verification result beside the backup (replacing any earlier one). */
    public void recordCheck(Path archive, boolean ok, String problem, Instant at) {
        Properties p = new Properties();
        p.setProperty("status", (ok ? BackupStatus.VERIFIED : BackupStatus.FAILED).name());
        p.setProperty("checked", at.toString());
        p.setProperty("file", fingerprint(archive));
        if (problem != null) {
            p.setProperty("problem", problem);
        }
        Path target = checkFile(archive);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Threshold backup verification");
        } catch (IOException e) {
            throw new BackupException("Could not record the verification of " + archive.getFileName(), e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BackupException("Could not record the verification of " + archive.getFileName(), e);
        }
    }

    /**
     * Deletes what interrupted backups and checks left behind (".part" archives, ".writing-" and ".verify-"
     * work folders) older than {@code before}: each is a full copy of the database, and they pile up
     * exactly when a disk is filling.
     */
    public void sweepLeftovers(Instant before) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                boolean leftover = n.endsWith(".part") || n.startsWith(".writing-") || n.startsWith(".verify-");
                if (leftover && fileTime(p).isBefore(before)) {
                    BackupFolders.deleteTree(p);
                }
            }
        } catch (IOException e) {
            // tried again at the next backup
        }
    }

    /** Removes a backup and its check record (retention only). */
    public void remove(BackupInfo b) throws IOException {
        Path archive = folder.resolve(b.fileName());
        Files.deleteIfExists(checkFile(archive));
        Files.deleteIfExists(archive);
    }

    private static boolean isBackupName(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && !name.contains("/") && !name.contains("\\");
    }

    private static Path checkFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + CHECK);
    }

    private static Properties readCheck(Path archive) {
        Properties p = new Properties();
        Path f = checkFile(archive);
        if (Files.exists(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                p.load(in);
                BackupStatus.valueOf(p.getProperty("status", BackupStatus.UNVERIFIED.name()));
                if (p.containsKey("checked")) {
                    Instant.parse(p.getProperty("checked"));
                }
            } catch (IOException | RuntimeException e) {
                p.clear(); // an unreadable record proves nothing: the backup counts as unverified
            }
        }
        return p;
    }

    private static BackupKind kindFromName(Path archive) {
        String n = archive.getFileName().toString();
        for (BackupKind k : BackupKind.values()) {
            if (n.endsWith("-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-') + SUFFIX)) {
                return k;
            }
        }
        return BackupKind.MANUAL;
    }

    /**
     * The archive's size and every entry's name, size and CRC from the zip directory (cheap to read): a
     * file replaced or rewritten after its check no longer matches, while a plain copy (to another disk and
     * back) still does. Damage inside the data is what a new check, and every restore, finds.
     */
    private static String fingerprint(Path archive) {
        StringBuilder b = new StringBuilder().append(size(archive));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(archive.toFile())) {
            zip.stream().forEach(e -> b.append('|').append(e.getName()).append(':').append(e.getSize()).append(':')
                    .append(Long.toHexString(e.getCrc())));
        } catch (IOException e) {
            return "unreadable";
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Instant fileTime(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
