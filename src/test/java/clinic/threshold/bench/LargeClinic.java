package clinic.threshold.bench;

import clinic.threshold.app.ContextBoundServices;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.testing.TestClinic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 12's large clinic (20,000 patients over ten years, seed 1), generated once into target/bench/large-clinic and
 * reused by the benchmarks after (a marker file names the plan it was built from).
 */
final class LargeClinic {
    static final SyntheticClinic.Plan PLAN = new SyntheticClinic.Plan(20_000, 10, 1);
    static final Path DIR = Path.of("target", "bench", "large-clinic");
    /** Bumped when the generator changes what it writes, so the clinic is built again. */
    private static final String GENERATOR = "generator 5 (floor, physicians, bookings, authorizations, orders; episodes in order; V027)";

    private LargeClinic() {
    }

    /** Opens the large clinic, generating it first when it is missing; returns the generation summary line, if any. */
    static ContextBoundServices open(StringBuilder generated) throws IOException {
        Path marker = DIR.resolve("plan.txt");
        String plan = PLAN + " " + GENERATOR;
        if (Files.exists(marker) && Files.readString(marker).equals(plan)) {
            return afterTheAuditWalk(TestClinic.open(DIR));
        }
        if (Files.exists(DIR)) {
            try (var files = Files.walk(DIR)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(DIR);
        ContextBoundServices c = TestClinic.open(DIR);
        SyntheticClinic.Summary s = c.synthetic().generate(PLAN, step -> { });
        generated.append(String.format("generated %,d patients, %,d courses, %,d sessions, %,d audit events (%,d rows) in %.0f s",
                s.patients(), s.courses(), s.sessions(), s.auditEvents(), s.rows(), s.took().toMillis() / 1000.0));
        Files.writeString(marker, plan);
        Files.writeString(DIR.resolveSibling("generated.txt"), generated + "\n"); // whichever benchmark built it
        return afterTheAuditWalk(c);
    }

    /**
     * {@code c} once sign-in's background walk of the audit trail has ended (ADR 0022; some ten seconds on this clinic):
     * the benchmarks time the steady state, and the walk's reading competed for the CPU and H2's page cache with
     * whichever operation ran first.
     */
    private static ContextBoundServices afterTheAuditWalk(ContextBoundServices c) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("threshold-audit-walk")) {
                try {
                    t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return c;
    }

    /** A plain JDBC connection to the open clinic's (encrypted) file: the floor the benchmarks compare with. */
    static java.sql.Connection jdbc() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + DIR.resolve("db").resolve("threshold").toAbsolutePath()
                + ";IFEXISTS=TRUE;CIPHER=AES", "sa", TestClinic.fileKeyHex(DIR) + " ");
    }
}
