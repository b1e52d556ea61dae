package clinic.threshold.service.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers for backup work folders. */
final class BackupFolders {
    private BackupFolders() {
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
