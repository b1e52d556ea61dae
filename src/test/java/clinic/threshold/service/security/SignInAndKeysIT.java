package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.DatabaseException;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Role;
import clinic.threshold.security.Argon2Params;
import clinic.threshold.security.KeyVault;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.SignInPolicy;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.testing.TestClinic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup, sign-in, throttling, key wrapping and encryption at rest, through the real gate on real files. */
// Not in the PostgreSQL pass: the key file, its wraps and the recovery key belong to the embedded clinic; ServerWorkstationsIT covers sign-in on a server.
@org.junit.jupiter.api.Tag("embedded-only")
class SignInAndKeysIT {
    static final String NAME = "Zephyrinequarry";

    @TempDir
    Path dir;

    private List<AuditRecord> audit(ClinicServices c, String action) {
        return c.audit().page(new AuditFilter(null, null, action, null, null), null);
    }

    @Test
    void recordsAreEncryptedAtRestAndOnlyTheKeyOpensThem() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Ada", NAME, TestClinic.TODAY.minusYears(40), "555 867 5309"));
        }
        byte[] raw = Files.readAllBytes(dir.resolve("db").resolve("threshold.mv.db"));
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(NAME), "patient name in the file");
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(NAME.toUpperCase()), "search key in the file");
        String keys = Files.readString(dir.resolve(KeyVault.FILE));
        assertFalse(keys.contains(TestClinic.fileKeyHex(dir)), "the key file never holds the key in clear");

        // Without the key H2 sees only noise (it may call it damaged); either way nothing opens.
        DatabaseException noKey = assertThrows(DatabaseException.class,
                () -> Database.open(DatabaseConfig.in(dir.resolve("db"))));
        assertTrue(noKey.reason() == DatabaseException.Reason.WRONG_KEY
                || noKey.reason() == DatabaseException.Reason.DAMAGED, noKey.reason().name());
        DatabaseException wrongKey = assertThrows(DatabaseException.class,
                () -> Database.open(DatabaseConfig.in(dir.resolve("db")).withFileKey("00".repeat(32))));
        assertEquals(DatabaseException.Reason.WRONG_KEY, wrongKey.reason());
    }

    @Test
    void theRecoveryKeyResetsAForgottenPasswordAndOpensTheRecords() {
        char[] recovery;
        try (AppContext ctx = TestClinic.context(dir, TestClinic.CLOCK)) {
            ClinicGate.SetupResult r = ctx.gate().setUp(new ClinicSetup("Clinic", "UTC", "boss", "The Boss",
                    "first password 1".toCharArray(), "first password 1".toCharArray()));
            recovery = r.recoveryKey().clone();
            r.clinic().patients().create(TestClinic.person("Ada", NAME, TestClinic.TODAY.minusYears(40), null));
            r.clinic().close();
            assertEquals(35, recovery.length);
            SignInException wrong = assertThrows(SignInException.class, () -> ctx.gate().recover(
                    "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF".toCharArray(), "boss", "a new password 2".toCharArray(),
                    "a new password 2".toCharArray()));
            assertEquals(SignInException.Reason.WRONG_CREDENTIALS, wrong.reason());
            ctx.gate().recover(new String(recovery).toLowerCase().toCharArray(), "boss",
                    "a new password 2".toCharArray(), "a new password 2".toCharArray());
            assertThrows(SignInException.class, () -> ctx.gate().signIn("boss", "first password 1".toCharArray()));
            try (ClinicServices c = ctx.gate().signIn("boss", "a new password 2".toCharArray())) {
                assertEquals(1, c.patients().count());
                List<AuditRecord> recover = audit(c, "user.recover");
                // The wrong key was tried while the database was closed, so it is written at the next sign-in,
                // after the reset (its detail carries the time it happened).
                assertEquals(List.of(AuditOutcome.FAILED, AuditOutcome.SUCCESS),
                        recover.stream().map(AuditRecord::outcome).toList());
                assertTrue(recover.get(0).detail().startsWith("at "), recover.get(0).detail());
            }
        }
    }

    @Test
    void failuresAreThrottledLockedAuditedAndUnlockedByAnAdministrator() {
        MutableClock clock = new MutableClock(TestClinic.CLOCK.instant(), TestClinic.ZONE);
        try (var c = TestClinic.open(dir, clock)) {
            TestClinic.addUser(c, c.context(), "nurse", Set.of(Role.CLINICIAN));
        }
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            ClinicGate gate = ctx.gate();
            for (int i = 1; i <= 5; i++) {
                SignInException e = assertThrows(SignInException.class,
                        () -> gate.signIn("nurse", "wrong password!".toCharArray()));
                assertEquals(SignInException.Reason.WRONG_CREDENTIALS, e.reason());
            }
            SignInException wait = assertThrows(SignInException.class,
                    () -> gate.signIn("nurse", TestClinic.PASSWORD.toCharArray()));
            assertEquals(SignInException.Reason.WAIT, wait.reason(), "even the right password waits");
            assertEquals(1, wait.waitSeconds());
            for (int i = 6; i <= 10; i++) {
                clock.advance(Duration.ofMinutes(6));
                assertThrows(SignInException.class, () -> gate.signIn("nurse", "wrong password!".toCharArray()));
            }
            clock.advance(Duration.ofMinutes(6));
            SignInException locked = assertThrows(SignInException.class,
                    () -> gate.signIn("nurse", TestClinic.PASSWORD.toCharArray()));
            assertEquals(SignInException.Reason.LOCKED, locked.reason());
            assertThrows(SignInException.class, () -> gate.signIn("nobody", "whatever it is".toCharArray()));

            try (ClinicServices admin = gate.signIn(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray())) {
                List<AuditRecord> failed = audit(admin, "user.signin").stream()
                        .filter(r -> r.outcome() == AuditOutcome.FAILED).toList();
                assertEquals(11, failed.size(), "ten wrong passwords for nurse and one unknown user name");
                assertEquals(1, audit(admin, "user.lock").size());
                assertEquals(1, audit(admin, "user.signin").stream()
                        .filter(r -> r.outcome() == AuditOutcome.DENIED).count(), "the attempt while locked");
                AppUser nurse = admin.users().list().stream().map(r -> r.user())
                        .filter(u -> u.username().equals("nurse")).findFirst().orElseThrow();
                assertTrue(admin.users().list().stream().filter(r -> r.user().id() == nurse.id()).findFirst()
                        .orElseThrow().locked());
                admin.users().unlock(nurse.id());
            }
            try (ClinicServices nurse = gate.signIn("nurse", TestClinic.PASSWORD.toCharArray())) {
                assertEquals("nurse", nurse.session().current().orElseThrow().username());
            }
        }
    }

    @Test
    void deactivatedUsersCannotSignInAndResetPasswordsMustBeChanged() {
        long nurseId;
        try (var c = TestClinic.open(dir)) {
            TestClinic.addUser(c, c.context(), "nurse", Set.of(Role.CLINICIAN));
            nurseId = c.users().list().stream().filter(r -> r.user().username().equals("nurse")).findFirst()
                    .orElseThrow().user().id();
            c.users().resetPassword(nurseId, "temporary pass 9".toCharArray());
        }
        try (var nurse = TestClinic.signIn(dir, "nurse", "temporary pass 9")) {
            assertTrue(nurse.session().current().orElseThrow().mustChangePassword());
            nurse.session().changePassword("temporary pass 9".toCharArray(), "my own passphrase".toCharArray(),
                    "my own passphrase".toCharArray());
            assertFalse(nurse.session().current().orElseThrow().mustChangePassword());
        }
        assertThrows(SignInException.class, () -> TestClinic.signIn(dir, "nurse", "temporary pass 9"));
        try (var c = TestClinic.open(dir)) {
            c.users().setActive(nurseId, false);
        }
        SignInException e = assertThrows(SignInException.class,
                () -> TestClinic.signIn(dir, "nurse", "my own passphrase"));
        assertEquals(SignInException.Reason.DEACTIVATED, e.reason());
    }

    @Test
    void hashesAndWrapsAreUpgradedWhenTheParametersRise() throws Exception {
        try (var c = TestClinic.open(dir)) {
            assertEquals(TestClinic.FAST_HASH, PasswordHasher.parametersOf(hashOf(TestClinic.TESTER)));
        }
        Argon2Params stronger = new Argon2Params(2048, 2, 1);
        try (AppContext ctx = AppContext.open(new clinic.threshold.app.LaunchOptions(dir, false), java.util.Map.of(),
                TestClinic.CLOCK, new GateConfig(stronger, SignInPolicy.DEFAULT, List.of()));
             ClinicServices c = ctx.gate().signIn(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray())) {
            assertEquals(1, audit(c, "user.password.rehash").size());
        }
        assertEquals(stronger, PasswordHasher.parametersOf(hashOf(TestClinic.TESTER)));
        assertEquals(stronger, KeyVault.load(dir).userWrap(TestClinic.TESTER).orElseThrow().params());
    }

    @Test
    void aDamagedKeyFileIsExplainedAndNothingOpens() throws Exception {
        try (var c = TestClinic.open(dir)) {
            assertEquals(0, c.patients().count(), "a new clinic holds no patients");
        }
        Files.writeString(dir.resolve(KeyVault.FILE), "not a key file");
        SignInException e = assertThrows(SignInException.class,
                () -> TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD));
        assertEquals(SignInException.Reason.KEY_FILE_DAMAGED, e.reason());
    }

    @Test
    void setupRefusesBadInputAndLeavesNothingBehind() {
        try (AppContext ctx = TestClinic.context(dir, TestClinic.CLOCK)) {
            var e = assertThrows(clinic.threshold.domain.common.ValidationException.class, () -> ctx.gate().setUp(
                    new ClinicSetup(" ", "Mars/Olympus", "X", "", "short".toCharArray(), "other".toCharArray())));
            assertEquals(List.of("clinicName", "timeZone", "username", "displayName", "password", "passwordConfirm"),
                    e.violations().stream().map(v -> v.field()).toList());
            assertFalse(ctx.gate().isSetUp());
            assertFalse(Files.exists(dir.resolve("db").resolve("threshold.mv.db")));
        }
    }

    private String hashOf(String user) {
        String[] out = new String[1];
        TestClinic.sqlQuery(dir, "SELECT password_hash FROM app_user WHERE username_key = '" + user + "'",
                v -> out[0] = v);
        return out[0];
    }

    @Test
    void setupWipesThePasswordArrayItWasGiven() {
        char[] pw = "a long passphrase".toCharArray();
        try (AppContext ctx = TestClinic.context(dir, TestClinic.CLOCK)) {
            ctx.gate().setUp(new ClinicSetup("C", "UTC", "boss", "Boss", pw, "a long passphrase".toCharArray()))
                    .clinic().close();
        }
        assertArrayEquals(new char[pw.length], pw, "the password array was wiped");
    }
}
