package clinic.threshold.service.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers for backup work folders and for making moved files durable. */
final class BackupFolders {
    private BackupFolders() {
    }

    /** Forces a file's content, or a directory's entries (where the platform allows), to disk. */
    static void force(Path p) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(p,
                Files.isDirectory(p) ? java.nio.file.StandardOpenOption.READ : java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory this way; NTFS journals renames itself
        }
    }

    /** Forces every file and folder under {@code dir}, deepest first, so that a later rename is safe. */
    static void forceTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                force(p);
            }
        }
    }

    /** Deletes a work folder and everything in it; best effort (leftovers are encrypted copies). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the next run of the same kind of work uses a fresh folder
        }
    }
}
