package clinic.threshold.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.cli.ThresholdCommand;
import clinic.threshold.testing.TestClinic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: version, sub-commands over a real data folder, and exit code 2 for bad input. */
class LauncherCliIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThresholdCommand.commandLine(new AppHooks());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void demoDataBuildsASyntheticClinicInANewFolderOnly() {
        Path folder = dir.resolve("synthetic");
        assertEquals(0, run("--data-dir", folder.toString(), "demo-data", "--patients", "40", "--years", "2", "--seed", "3"));
        assertTrue(out.toString().startsWith("Generated 40 patients, "), out.toString());
        assertTrue(err.toString().contains("demo-data: 40 of 40 patients"), err.toString());
        assertEquals(2, run("--data-dir", folder.toString(), "demo-data", "--patients", "40"), "a clinic with patients is refused");
        assertTrue(err.toString().contains("already has patients"), err.toString());
        assertEquals(0, runWithPassword(DemoClinic.ACCOUNTS.get(0).password(), "--data-dir", folder.toString(), "audit", "verify",
                "--user", DemoClinic.ACCOUNTS.get(0).username(), "--password-stdin"), err.toString());
    }

    /** Issue 13: the whole clinic copied to an empty PostgreSQL database, verified, audited; never twice. */
    @Test
    void migrateToPostgresCopiesTheClinicVerifiesItAndRefusesADatabaseThatHoldsOne() {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
            c.patients().create(TestClinic.person("Grace", "Hopper", TestClinic.TODAY.minusYears(60), null));
        }
        clinic.threshold.testing.PostgresServer pg = clinic.threshold.testing.PostgresServer.shared();
        String url = pg.newDatabase();
        String[] move = {"--data-dir", dir.toString(), "migrate-to-postgres", "--user", TestClinic.TESTER, "--password-stdin",
                "--url", url, "--db-user", clinic.threshold.testing.PostgresServer.user()};

        // TLS is required unless switched off; this test server has none, so the default is refused, in words.
        assertEquals(5, runWithPassword(TestClinic.PASSWORD, move));
        assertTrue(err.toString().contains("does not offer the TLS this workstation requires (verify-full)"),
                err.toString());
        String[] badUrl = move.clone();
        badUrl[7] = url + "?password=secret";
        assertEquals(2, runWithPassword(TestClinic.PASSWORD, badUrl));
        assertTrue(err.toString().contains("must read jdbc:postgresql://host:port/database"), err.toString());

        String[] plain = java.util.Arrays.copyOf(move, move.length + 2);
        plain[move.length] = "--tls";
        plain[move.length + 1] = "disable";
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, plain), err.toString());
        assertTrue(out.toString().contains("every count matches; audit trail intact on the server"), out.toString());
        assertTrue(err.toString().contains("TLS is off"), err.toString());
        try (var c = pg.connect(url.substring(url.lastIndexOf('/') + 1)); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT COUNT(*) FROM patient");
            rs.next();
            assertEquals(2, rs.getInt(1));
            rs = st.executeQuery("SELECT outcome FROM audit_event WHERE action = 'database.migrate' ORDER BY seq");
            java.util.List<String> attempts = new java.util.ArrayList<>();
            while (rs.next()) {
                attempts.add(rs.getString(1));
            }
            assertEquals(java.util.List.of("SUCCESS", "FAILED", "SUCCESS"), attempts,
                    "the refused attempt (begun, failed) and this one are in the trail the server holds");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(5, runWithPassword(TestClinic.PASSWORD, plain), "a database that holds a clinic is not copied into");
        assertTrue(err.toString().contains("already holds a clinic"), err.toString());
    }

    @Test
    void versionPrintsTheProductName() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Threshold "), out.toString());
    }

    @Test
    void searchPrintsTabSeparatedMatches() {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
            c.patients().create(TestClinic.person("Grace", "Hopper", TestClinic.TODAY.minusYears(60), null));
        }
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, "--data-dir", dir.toString(), "patients", "search",
                "--user", TestClinic.TESTER, "--password-stdin", "love"));
        String[] cols = out.toString().strip().split("\t");
        assertEquals("TH0000018", cols[0]);
        assertEquals("Lovelace", cols[1]);
        assertEquals("ACTIVE", cols[4]);
    }

    private int runWithPassword(String password, String... args) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream((password + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithExitFourAndNoData() {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
        }
        assertEquals(4, runWithPassword("not the password", "--data-dir", dir.toString(), "patients", "count",
                "--user", TestClinic.TESTER, "--password-stdin"));
        assertTrue(err.toString().contains("user name or password is not right"), err.toString());
        assertEquals("", out.toString());
        assertEquals(2, run("--data-dir", dir.toString(), "patients", "count"), "no --user and no terminal");
    }

    @Test
    void auditVerifyReportsAnIntactChainAndNamesABrokenEvent() {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
        }
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, "--data-dir", dir.toString(), "audit", "verify",
                "--user", TestClinic.TESTER, "--password-stdin"));
        assertTrue(out.toString().startsWith("Audit trail intact: "), out.toString());
        try (var c = TestClinic.open(dir)) {
            TestClinic.sql(dir, "UPDATE audit_event SET detail = 'nothing to see' WHERE seq = 3");
        }
        assertEquals(5, runWithPassword(TestClinic.PASSWORD, "--data-dir", dir.toString(), "audit", "verify",
                "--user", TestClinic.TESTER, "--password-stdin"));
        assertTrue(err.toString().contains("audit trail broken at event 3"), err.toString());
    }

    @Test
    void recoverSetsANewPasswordWithTheRecoveryKey() {
        try (var c = TestClinic.open(dir)) {
            assertEquals(0, c.patients().count(), "a new clinic holds no patients");
        }
        assertEquals(4, runWithPassword("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA\nnew passphrase 1\nnew passphrase 1",
                "--data-dir", dir.toString(), "recover", "--user", TestClinic.ADMIN, "--stdin"));
        assertTrue(err.toString().contains("recovery key does not open"), err.toString());
        assertEquals(2, runWithPassword(TestClinic.recoveryKey(dir) + "\nshort\nshort",
                "--data-dir", dir.toString(), "recover", "--user", TestClinic.ADMIN, "--stdin"));
        assertEquals(0, runWithPassword(TestClinic.recoveryKey(dir) + "\nnew passphrase 1\nnew passphrase 1",
                "--data-dir", dir.toString(), "recover", "--user", TestClinic.ADMIN, "--stdin"), err.toString());
        try (var admin = TestClinic.signIn(dir, TestClinic.ADMIN, "new passphrase 1")) {
            assertEquals(TestClinic.ADMIN, admin.session().current().orElseThrow().username());
        }
    }

    @Test
    void backupCreateListVerifyAndRestoreFromTheCommandLine() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", "Lovelace", TestClinic.TODAY.minusYears(40), null));
        }
        String[] signIn = {"--user", TestClinic.TESTER, "--password-stdin"};
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, concat(new String[] {"--data-dir", dir.toString(),
                "backup", "create"}, signIn)), err.toString());
        String created = out.toString().strip();
        assertTrue(created.contains("\tMANUAL\t") && created.contains("\tVERIFIED"), created);
        String name = created.split("\t")[0];
        out.getBuffer().setLength(0);
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, concat(new String[] {"--data-dir", dir.toString(),
                "backup", "list"}, signIn)));
        assertTrue(out.toString().startsWith(name + "\t"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, concat(new String[] {"--data-dir", dir.toString(),
                "backup", "verify", name}, signIn)));
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Grace", "Hopper", TestClinic.TODAY.minusYears(60), null));
        }
        out.getBuffer().setLength(0);
        assertEquals(2, run("--data-dir", dir.toString(), "backup", "restore", "--user", "x"),
                "a backup or --latest is required");
        assertEquals(4, runWithPassword("wrong password", concat(new String[] {"--data-dir", dir.toString(),
                "backup", "restore", "--latest"}, signIn)));
        assertTrue(err.toString().contains("does not open this backup"), err.toString());
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, concat(new String[] {"--data-dir", dir.toString(),
                "backup", "restore", "--latest"}, signIn)), err.toString());
        assertTrue(out.toString().startsWith("Restored " + name), out.toString());
        try (var c = TestClinic.open(dir)) {
            assertEquals(1, c.patients().count(), "the patient added after the backup is not in the restored data");
        }
        out.getBuffer().setLength(0);
        assertEquals(0, runWithPassword(TestClinic.PASSWORD, concat(new String[] {"--data-dir", dir.toString(),
                "backup", "compact"}, signIn)), err.toString());
        assertTrue(out.toString().startsWith("The database was rebuilt from a verified dump"), out.toString());
        try (var c = TestClinic.open(dir)) {
            assertEquals(1, c.patients().count(), "compaction keeps every record");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void invalidInputExitsTwoWithAMessageOnStandardError() {
        assertEquals(2, run("--data-dir", dir.toString(), "patients", "search", "--limit", "0", "--user", "x", "x"));
        assertTrue(err.toString().contains("--limit must be between 1 and 10000"), err.toString());
        assertEquals(2, run("patients", "search"));
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(2, run("--no-such-option"));
        assertEquals(2, run("--data-dir", dir.toString(), "patients", "search", "--status", "SLEEPING", "x"));
    }

    @Test
    void unwritableDataFolderExitsThreeWithTheReason() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("plain-file"), "x");
        assertEquals(3, runWithPassword("whatever", "--data-dir", file.resolve("sub").toString(), "patients", "count",
                "--user", "x", "--password-stdin"));
        assertTrue(err.toString().contains("cannot write to its data folder"), err.toString());
    }
}
