package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes flipped in copies of a real (encrypted) clinic database: each copy must either be refused
 * with a database error the app explains, or open with every record intact. It must never open empty or
 * with records missing, and never fail with an error the app cannot explain.
 */
class DamagedFileIT {
    static final int VARIANTS = Integer.getInteger("threshold.damagedVariants", 50);
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
            assertTrue(c.backups().createNow(Progress.NONE).good());
        }
        Random random = new Random(4711);
        boolean restoredOne = false;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int v = 0; v < VARIANTS; v++) {
            Path copy = root.resolve("v" + v);
            TestFiles.copyTree(original, copy);
            Path file = copy.resolve("db").resolve("threshold.mv.db");
            TestFiles.flip(file, random, 1 + random.nextInt(64));
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
                // A damaged migration history makes the update before opening fail; the file is put back
                // unchanged and the restore is offered as for damage, so it is a refusal too.
                outcome = e.reason() == SignInException.Reason.DATABASE_DAMAGED ? "refused: DAMAGED"
                        : e.reason() == SignInException.Reason.DATABASE_UPDATE_FAILED ? "refused: update failed, put back"
                        : "sign-in refused: " + e.reason();
                if (e.reason() == SignInException.Reason.DATABASE_DAMAGED && !restoredOne) {
                    restoreFromTheOfferedBackup(copy);
                    restoredOne = true;
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("DAMAGED " + outcomes);
        assertTrue(restoredOne, "the restore offered for a damaged file was exercised");
        assertEquals(VARIANTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.keySet().stream().anyMatch(o -> !o.equals("opened intact")), "some damage is detected: " + outcomes);
        for (String o : outcomes.keySet()) {
            assertTrue(o.equals("opened intact") || o.equals("refused: DAMAGED") || o.equals("damage found while reading")
                            || o.equals("refused: update failed, put back")
                            || o.equals("damage found by the audit check"),
                    "a damaged file is always called damaged: " + outcomes);
        }
    }

    /** What the app offers on a damaged file: the newest verified backup, restored over it. */
    private static void restoreFromTheOfferedBackup(Path copy) {
        try (AppContext ctx = TestClinic.context(copy, TestClinic.CLOCK)) {
            Path offered = ctx.gate().newestGoodBackup().orElseThrow(() -> new AssertionError("no restore offer"));
            ctx.gate().restore(offered, TestClinic.TESTER, TestClinic.PASSWORD.toCharArray(), Progress.NONE);
        }
        try (var c = TestClinic.signIn(copy, TestClinic.TESTER, TestClinic.PASSWORD)) {
            assertEquals(PATIENTS, c.patients().count(), "the restored clinic is whole");
        }
    }

    @Test
    void flippedBytesInABackupFailItsVerificationOrChangeNothing() throws Exception {
        Path clinic = root.resolve("clinic");
        Random random = new Random(1147);
        Map<String, Integer> outcomes = new TreeMap<>();
        try (var c = TestClinic.open(clinic)) {
            for (int i = 0; i < PATIENTS; i++) {
                c.patients().create(TestClinic.person("P" + i, "Backuptest", LocalDate.of(1970, 1, 1).plusDays(i), null));
            }
            BackupInfo file = c.backups().createNow(Progress.NONE);
            BackupInfo dump = c.backups().runDue().get(0);
            assertEquals(BackupMethod.SCRIPT, dump.method());
            assertTrue(file.good() && dump.good());
            Path folder = clinic.resolve("backups");
            for (int v = 0; v < VARIANTS; v++) {
                BackupInfo source = v % 2 == 0 ? file : dump;
                Path damaged = folder.resolve(source.fileName().replace(".zip", "") + "-" + v + "-manual.zip");
                Files.copy(folder.resolve(source.fileName()), damaged);
                TestFiles.flip(damaged, random, 1 + random.nextInt(16));
                BackupInfo checked = c.backups().verify(damaged.getFileName().toString(), Progress.NONE);
                if (checked.good()) {
                    // Only harmless flips may pass (zip padding, unused space): the copy then equals the source.
                    assertEquals(source.rows(), checked.rows(), "variant " + v);
                    assertEquals(source.auditSeq(), checked.auditSeq(), "variant " + v);
                    outcomes.merge("verified (harmless)", 1, Integer::sum);
                } else {
                    assertTrue(checked.problem() != null && !checked.problem().isBlank(), "variant " + v);
                    outcomes.merge("failed: " + checked.problem().replaceAll(" ?[(:].*", ""), 1, Integer::sum);
                }
                Files.delete(damaged);
                Files.deleteIfExists(damaged.resolveSibling(damaged.getFileName() + ".check"));
            }
        }
        System.out.println("DAMAGED-BACKUP " + outcomes);
        assertEquals(VARIANTS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.keySet().stream().anyMatch(o -> o.startsWith("failed")), outcomes.toString());
    }
}
