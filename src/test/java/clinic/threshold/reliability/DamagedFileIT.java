package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.testing.TestClinic;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes flipped in copies of a real (encrypted) clinic database: each copy must either be refused
 * with a database error the app explains, or open with every record intact. It must never open empty or
 * with records missing, and never fail with an error the app cannot explain.
 */
class DamagedFileIT {
    static final int VARIANTS = 50;
    static final int PATIENTS = 40;

    @TempDir
    Path root;

    @Test
    void flippedBytesAreRefusedOrHarmlessNeverAnEmptyClinic() throws Exception {
        Path original = root.resolve("original");
        try (var c = TestClinic.open(original)) {
            for (int i = 0; i < PATIENTS; i++) {
                c.patients().create(TestClinic.person("P" + i, "Damagetest", LocalDate.of(1970, 1, 1).plusDays(i), null));
            }
        }
        Random random = new Random(4711);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int v = 0; v < VARIANTS; v++) {
            Path copy = root.resolve("v" + v);
            copyTree(original, copy);
            Path file = copy.resolve("db").resolve("threshold.mv.db");
            flip(file, random, 1 + random.nextInt(64));
            String outcome;
            try (var c = TestClinic.signIn(copy, TestClinic.TESTER, TestClinic.PASSWORD)) {
                int n = c.patients().count();
                assertEquals(PATIENTS, n, "variant " + v + " opened with records missing");
                assertEquals(PATIENTS, c.patients().search(new clinic.threshold.domain.patient.PatientQuery(
                        "damagetest", null, null, 1000)).size(), "variant " + v + ": every row readable");
                outcome = c.audit().verify(x -> { }).intact() ? "opened intact" : "damage found by the audit check";
            } catch (DatabaseException e) {
                outcome = "refused: " + e.reason();
            } catch (clinic.threshold.domain.common.DataDamagedException e) {
                outcome = "damage found while reading";
            } catch (SignInException e) {
                outcome = e.reason() == SignInException.Reason.DATABASE_DAMAGED ? "refused: DAMAGED"
                        : "sign-in refused: " + e.reason();
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("DAMAGED " + outcomes);
        assertEquals(VARIANTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.keySet().stream().anyMatch(o -> !o.equals("opened intact")), "some damage is detected: " + outcomes);
        for (String o : outcomes.keySet()) {
            assertTrue(o.equals("opened intact") || o.equals("refused: DAMAGED") || o.equals("damage found while reading")
                            || o.equals("damage found by the audit check"),
                    "a damaged file is always called damaged: " + outcomes);
        }
    }

    private static void flip(Path file, Random random, int bytes) throws IOException {
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

    private static void copyTree(Path from, Path to) throws IOException {
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
}
