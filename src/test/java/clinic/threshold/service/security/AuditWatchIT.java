package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in checks the audit events since the last complete walk; the complete walk then runs in the background, marks
 * where it found the trail intact, and reports an older edit it finds (ADR 0022).
 */
class AuditWatchIT {
    @TempDir
    Path dir;

    private Path mark() {
        return dir.resolve("audit.verified");
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean(), what);
    }

    @Test
    void anOldEditIsReportedByTheWalkAfterSignInAndAnEditOfTheMarkAtSignIn() throws Exception {
        try (var c = TestClinic.open(dir)) {
            for (int i = 0; i < 5; i++) {
                c.patients().create(TestClinic.person("Wa" + i, "Tch", LocalDate.of(1980, 1, 1 + i), null));
            }
            await("the walk after sign-in marks the trail", () -> Files.exists(mark()));
            assertNull(c.auditProblem());
        }
        long marked = Long.parseLong(Files.readString(mark()).split(" ")[0]);
        assertTrue(marked > 3, "the mark is the head the walk reached: " + marked);

        TestClinic.sql(dir, "UPDATE audit_event SET entity_id = 'forged' WHERE seq = 2");
        try (var c = TestClinic.open(dir)) {
            await("the background walk finds event 2", () -> c.auditProblem() != null);
            assertTrue(c.auditProblem().contains("event 2 was altered"), c.auditProblem());
        }
        List<String> failures = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT detail FROM audit_event WHERE action = 'audit.verify' AND outcome = 'FAILED'", failures::add);
        assertTrue(failures.stream().anyMatch(d -> d.startsWith("after sign-in")), failures.toString());

        TestClinic.sql(dir, "UPDATE audit_event SET entity_id = 'forged' WHERE seq = " + marked);
        try (var c = TestClinic.open(dir)) {
            assertTrue(c.auditProblem() != null && c.auditProblem().contains("last verified"), "found at sign-in: " + c.auditProblem());
        }
        assertEquals(marked, Long.parseLong(Files.readString(mark()).split(" ")[0]), "a broken trail never moves the mark");
    }
}
