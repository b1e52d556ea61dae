package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.testing.TestClinic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM registers patients through the real services and reports each one after its commit returns;
 * it is killed with SIGKILL at random moments. After every kill the clinic must open, hold every
 * acknowledged patient (at most one more, committed but not yet reported), and its audit chain must verify.
 * Cycles: {@code -Dthreshold.killCycles} (default 50; the soak profile runs more).
 */
class KillRestartIT {
    static final int CYCLES = Integer.getInteger("threshold.killCycles", 50);

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedCommitIsLostWhenTheProcessIsKilled() throws Exception {
        try (var c = TestClinic.open(dir)) {
            assertEquals(0, c.patients().count());
        }
        Random random = new Random(20_261_127L);
        Set<Integer> acknowledged = new TreeSet<>();
        int next = 1;
        long lostTotal = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            List<Integer> acks = runAndKill(next, 50 + random.nextInt(700));
            acknowledged.addAll(acks);
            try (var c = TestClinic.open(dir)) {
                // Read every row directly: the app's search shows only the first matches of a broad query
                // (beyond 5,000 candidates), which a long soak passes.
                List<String> stored = new ArrayList<>();
                TestClinic.sqlQuery(dir, "SELECT given_name FROM patient WHERE family_name = 'Killtest'", stored::add);
                Set<Integer> present = new TreeSet<>();
                stored.forEach(s -> present.add(Integer.parseInt(s.substring(1))));
                Set<Integer> lost = new TreeSet<>(acknowledged);
                lost.removeAll(present);
                lostTotal += lost.size();
                assertEquals(Set.of(), lost, "cycle " + cycle + ": acknowledged patients lost");
                Set<Integer> extra = new TreeSet<>(present);
                extra.removeAll(acknowledged);
                // The child may have committed one patient and been killed before it could report it.
                assertTrue(extra.size() <= 1, "cycle " + cycle + ": more than one unreported commit: " + extra);
                assertEquals(present.size(), stored.size(), "no patient stored twice");
                var check = c.audit().verify(n -> { });
                assertTrue(check.intact(), "cycle " + cycle + ": " + check.problem());
                acknowledged.addAll(extra); // committed before the kill; the next child continues after it
                if (cycle % 50 == 0) {
                    // Progress for long soaks, so that a run cut short still says how far it got.
                    System.out.printf("KILL-RESTART progress cycles=%d acknowledged=%d lost=%d%n", cycle,
                            acknowledged.size(), lostTotal);
                }
                next = ((TreeSet<Integer>) present).isEmpty() ? next : ((TreeSet<Integer>) present).last() + 1;
            }
        }
        int recoveries;
        try (var c = TestClinic.open(dir)) {
            // How often H2 reopened without saves that the commit journal then put back (ADR 0011).
            recoveries = c.audit().page(new clinic.threshold.domain.audit.AuditFilter(null, null, "database.recover",
                    null, null), null).size();
        }
        System.out.printf("KILL-RESTART cycles=%d acknowledged=%d lost=%d recovered-from-journal=%d%n", CYCLES,
                acknowledged.size(), lostTotal, recoveries);
        assertTrue(acknowledged.size() > CYCLES, "the child made progress: " + acknowledged.size());
    }

    /** Starts the child, lets it write for {@code millis} after it is ready, kills it, returns its ACKs. */
    private List<Integer> runAndKill(int start, int millis) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", cp, "clinic.threshold.testing.KillRestartChild", dir.toString(),
                Integer.toString(start)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Integer> acks = new ArrayList<>();
        AtomicInteger ready = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.equals("READY")) {
                        ready.set(1);
                    } else if (line.startsWith("ACK ")) {
                        synchronized (acks) {
                            acks.add(Integer.parseInt(line.split(" ")[1]));
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the pipe breaks when the child is killed
            }
        });
        reader.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (ready.get() == 0 && System.currentTimeMillis() < deadline && p.isAlive()) {
            Thread.sleep(10);
        }
        assertTrue(ready.get() == 1, "child started");
        Thread.sleep(millis);
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        // Every ACK the child flushed is in the pipe: read to its end before counting. (A 5-second wait once
        // ran out on a loaded machine and left two acknowledged ids looking unreported, cycle 511 of a soak.)
        reader.join(120_000);
        assertTrue(!reader.isAlive(), "the child's output was read to its end");
        synchronized (acks) {
            return new ArrayList<>(acks);
        }
    }
}
