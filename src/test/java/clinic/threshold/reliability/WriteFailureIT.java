package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.FailingFileSystem;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fails on the k-th write (k = 1..100) while records are being saved through the real services:
 * every save acknowledged before the failure must be there at the next start, the records committed before
 * the run must be untouched, the database must open cleanly (not as damaged) and the audit chain verify.
 */
class WriteFailureIT {
    static final int MAX_K = Integer.getInteger("threshold.writeFailures", 100);
    static final int BASE_PATIENTS = 10;
    static final int MAX_SAVES = 400;

    @TempDir
    Path root;

    @Test
    void aFailedWriteNeverCostsACommittedRecord() throws Exception {
        FailingFileSystem.install();
        Path base = root.resolve("base");
        try (var c = TestClinic.open(base)) {
            for (int i = 0; i < BASE_PATIENTS; i++) {
                c.patients().create(TestClinic.person("B" + i, "Base", LocalDate.of(1960, 1, 1).plusDays(i), null));
            }
        }
        var failing = TestClinic.config().withFileSystem(FailingFileSystem.PREFIX);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        int acknowledgedTotal = 0;
        for (int k = 1; k <= MAX_K; k++) {
            Path dir = root.resolve("k" + k);
            TestFiles.copyTree(base, dir);
            Set<String> acknowledged = new HashSet<>();
            boolean tripped;
            var c = TestClinic.open(dir, TestClinic.CLOCK, failing);
            FailingFileSystem.arm(k);
            try {
                for (int i = 0; i < MAX_SAVES && !FailingFileSystem.tripped(); i++) {
                    String given = "S" + i;
                    c.patients().create(TestClinic.person(given, "Saved", LocalDate.of(1990, 1, 1).plusDays(i), null));
                    acknowledged.add(given);
                }
                outcomes.merge(FailingFileSystem.tripped() ? "failed write, no save refused"
                        : "no failure within " + MAX_SAVES + " saves", 1, Integer::sum);
            } catch (RuntimeException expected) {
                outcomes.merge("save failed: " + expected.getClass().getSimpleName(), 1, Integer::sum);
            } finally {
                try {
                    c.close();
                } catch (RuntimeException closeFails) {
                    // closing a database whose disk failed may fail as well; the next start must cope
                }
                tripped = FailingFileSystem.tripped();
                FailingFileSystem.disarm();
            }
            assertTrue(tripped, "k=" + k + ": the write failure was injected");
            acknowledgedTotal += acknowledged.size();
            try (var after = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
                assertEquals(BASE_PATIENTS, names(after, "base").size(), "k=" + k + ": earlier records intact");
                Set<String> saved = names(after, "saved");
                Set<String> lost = new HashSet<>(acknowledged);
                lost.removeAll(saved);
                assertEquals(Set.of(), lost, "k=" + k + ": acknowledged saves lost");
                assertTrue(saved.size() - acknowledged.size() <= 1, "k=" + k + ": at most the save in flight extra");
                var check = after.audit().verify(n -> { });
                assertTrue(check.intact(), "k=" + k + ": " + check.problem());
            }
        }
        System.out.printf("WRITE-FAILURE k=1..%d acknowledged=%d lost=0 %s%n", MAX_K, acknowledgedTotal, outcomes);
    }

    private static Set<String> names(ClinicServices c, String family) {
        Set<String> s = new HashSet<>();
        c.patients().search(new PatientQuery(family, null, null, 1000)).forEach(p -> s.add(p.givenName()));
        return s;
    }
}
