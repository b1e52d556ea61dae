package clinic.threshold.data.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: one zip holding the manifest, the database (H2's backup zip or its encrypted script), the
 * key file and the audit-head copy. Written to a ".part" file, forced to disk and renamed, so a backup
 * folder never holds half a backup under a real name.
 */
public final class BackupArchive {
    public static final String MANIFEST = "manifest.properties";
    public static final String DATABASE_FILE = "database.zip";
    public static final String DATABASE_SCRIPT = "database.sql.aes";
    public static final String KEYS = "keys.properties";
    public static final String AUDIT_HEAD = "audit.head";

    private BackupArchive() {
    }

    /** Writes {@code target} with the manifest and {@code files} (entry name to file). */
    public static void write(Path target, BackupManifest manifest, Map<String, Path> files) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part);
             ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.toProperties().store(zip, "Threshold backup");
            zip.closeEntry();
            for (Map.Entry<String, Path> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                Files.copy(f.getValue(), zip);
                zip.closeEntry();
            }
        }
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads the manifest; throws {@link IOException} or {@link IllegalArgumentException} when unreadable. */
    public static BackupManifest manifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry(MANIFEST);
            if (e == null) {
                throw new IllegalArgumentException("the backup has no manifest");
            }
            Properties p = new Properties();
            try (java.util.zip.CheckedInputStream in = new java.util.zip.CheckedInputStream(zip.getInputStream(e),
                    new java.util.zip.CRC32())) {
                p.load(in);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                    throw new IOException(MANIFEST + " fails its checksum");
                }
            } catch (java.util.zip.ZipException z) {
                throw new IOException(MANIFEST + " is damaged (" + z.getMessage() + ")", z);
            }
            return BackupManifest.fromProperties(p);
        }
    }

    /** Copies entry {@code name} to {@code to}; throws when it is missing or unreadable. */
    public static void extract(Path archive, String name, Path to) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                throw new IOException("the backup has no " + name);
            }
            copyChecked(zip, e, to);
        }
    }

    /**
     * Copies one entry and checks its CRC-32: {@link ZipFile} does not, and a flipped byte in a backup
     * must never pass as a good copy.
     */
    private static void copyChecked(ZipFile zip, ZipEntry e, Path to) throws IOException {
        try (java.util.zip.CheckedInputStream in = new java.util.zip.CheckedInputStream(zip.getInputStream(e),
                new java.util.zip.CRC32())) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                throw new IOException(e.getName() + " fails its checksum");
            }
        } catch (java.util.zip.ZipException z) {
            throw new IOException(e.getName() + " is damaged (" + z.getMessage() + ")", z);
        }
    }

    /** Unpacks the database file from H2's backup zip (entry {@code threshold.mv.db}) into {@code dir}. */
    public static void unpackDatabase(Path h2Zip, Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(h2Zip.toFile())) {
            ZipEntry e = zip.getEntry("threshold.mv.db");
            if (e == null) {
                throw new IOException("the backup's database copy holds no database file");
            }
            copyChecked(zip, e, dir.resolve("threshold.mv.db"));
        }
    }
}
