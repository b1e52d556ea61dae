package clinic.threshold.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.stream.Stream;

/** File helpers for reliability tests: copying a closed data folder and damaging files on purpose. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Copies a closed data folder (without its instance lock file). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("threshold.lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** XORs {@code bytes} randomly chosen bytes of {@code file} with a non-zero random value. */
    public static void flip(Path file, Random random, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < bytes; i++) {
                long pos = (long) (random.nextDouble() * f.length());
                f.seek(pos);
                int b = f.read();
                f.seek(pos);
                f.write(b ^ (1 + random.nextInt(255)));
            }
        }
    }
}
