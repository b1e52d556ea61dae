package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Role;
import clinic.threshold.security.SignInPolicy;
import clinic.threshold.security.WorkstationFileStore;
import clinic.threshold.testing.PostgresServer;
import clinic.threshold.testing.ScheduleFixture;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's "done when": two workstations, each with its own data folder, pointed at one PostgreSQL server, work on
 * the same clinic at once. One sets the clinic up, the other connects and signs in with an account made at the first;
 * failed sign-ins count for the whole clinic; a stale edit is refused and a chair slot is never booked twice.
 */
class ServerWorkstationsIT {
    private static final String ADMIN_PASSWORD = "first administrator's passphrase";
    @TempDir
    Path root;
    private ServerFields server;

    @BeforeEach
    void aServerWithAnEmptyClinicDatabase() {
        PostgresServer pg = PostgresServer.shared();
        server = new ServerFields("127.0.0.1", Integer.toString(pg.port()), pg.newDatabaseForApp(), PostgresServer.APP_ROLE,
                "disable");
    }

    private ClinicGate workstation(String name) {
        return workstation(name, TestClinic.config());
    }

    private ClinicGate workstation(String name, GateConfig config) {
        Path folder = root.resolve(name);
        Path home = root.resolve(name + "-home");
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ClinicGate(folder, false, TestClinic.CLOCK, config.withAutomaticBackups(false),
                account -> new WorkstationFileStore(folder.resolve("server.secret"), home.resolve("workstation.key"), account));
    }

    private static ClinicSetup setup() {
        return new ClinicSetup("Lakeside TMS", "America/Los_Angeles", "admin", "Ada Admin", ADMIN_PASSWORD.toCharArray(),
                ADMIN_PASSWORD.toCharArray());
    }

    private static char[] serverPassword() {
        return PostgresServer.APP_PASSWORD.toCharArray();
    }

    @Test
    void twoWorkstationsShareOneClinicWithoutLostUpdatesOrDoubleBookings() throws Exception {
        ClinicGate front = workstation("front-desk");
        assertFalse(front.onServer());
        assertFalse(front.connectToServer(server, serverPassword()), "an empty server database: setup comes next");
        assertTrue(front.onServer());
        assertTrue(front.isSetUp(), "connected: the sign-in screen (or setup, when the server has no accounts) shows");
        ClinicGate.SetupResult made = front.setUp(setup());
        assertNull(made.recoveryKey(), "no recovery key on a server");
        SignedInClinic a = made.clinic();
        assertTrue(a.onServer());
        assertTrue(a.dataLocation().contains("127.0.0.1"), a.dataLocation());
        char[] temporary = "temporary passphrase 1".toCharArray();
        Set<String> staff = Set.of(Role.SCHEDULER, Role.CLINICIAN, Role.TMS_TECHNICIAN);
        AppUser sam = a.users().create("sam", "Sam Scheduler", staff, temporary.clone());
        a.users().create("kim", "Kim Front", staff, temporary.clone());
        long[] chairs = ScheduleFixture.setUp(a);
        SignedInClinic admin = a;
        a = front.signIn("kim", temporary.clone()); // the front desk's scheduler, on the same workstation

        ClinicGate chairside = workstation("chairside");
        assertTrue(chairside.connectToServer(server, serverPassword()), "the clinic is there: sign in");
        assertEquals(server, chairside.serverFields().orElseThrow());
        SignedInClinic b = chairside.signIn("sam", temporary.clone());
        assertEquals(sam.id(), b.session().current().orElseThrow().userId(), "an account made at the front desk");

        // A patient edited at both: the second edit, made on the version both read, is refused and nothing of it saved.
        Patient p = a.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 12, 10), "555-0101"));
        Patient seenAtB = b.patients().get(p.id());
        PatientDetails d = p.details();
        a.patients().update(p.id(), p.version(), withPreferredName(d, "Countess"));
        assertThrows(ConcurrentEditException.class, () -> b.patients().update(p.id(), seenAtB.version(),
                withPreferredName(d, "Ada L.")));
        assertEquals("Countess", b.patients().get(p.id()).details().preferredName(), "B sees A's edit");

        // Both book session 1 of their own patient's course on one chair at one time, at the same moment.
        LocalDate monday = TestClinic.TODAY.plusDays(3);
        long[] ana = ScheduleFixture.patientWithCourse(a, "Ana", "First", monday);
        long[] ben = ScheduleFixture.patientWithCourse(b, "Ben", "Second", monday);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Long>> bookings = new ArrayList<>();
        for (Object[] w : new Object[][] {{a, ana[1]}, {b, ben[1]}}) { // each workstation books its own patient
            SignedInClinic c = (SignedInClinic) w[0];
            long course = (Long) w[1];
            bookings.add(two.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return c.schedule().bookSession(course, 1, chairs[0], chairs[2], monday, LocalTime.of(10, 0), 45);
            }));
        }
        int won = 0;
        List<String> told = new ArrayList<>();
        for (Future<Long> f : bookings) {
            try {
                f.get(60, TimeUnit.SECONDS);
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                // Told either way: by the booking check, when the other's booking had committed before it looked, or by
                // the chair-slot key, when both looked before either wrote.
                if (e.getCause() instanceof clinic.threshold.domain.schedule.ScheduleConflictException) {
                    told.add("conflict found by the check");
                } else if (e.getCause() instanceof ValidationException v) {
                    told.add(v.violations().get(0).messageKey());
                } else {
                    throw e;
                }
            }
        }
        two.shutdown();
        assertEquals(1, won, "one booking wins");
        assertEquals(1, told.size(), "the other is told: " + told);
        assertEquals(1, b.schedule().between(monday, monday).stream().filter(x -> x.chairId() != null
                && x.chairId() == chairs[0]).count(), "nothing double-booked");

        // Every change, from either workstation, is in the one trail, and the chain holds.
        b.close();
        a.close();
        var check = admin.audit().verify(n -> { });
        assertTrue(check.intact(), check.problem());
        admin.close();
    }

    private static PatientDetails withPreferredName(PatientDetails d, String preferred) {
        return new PatientDetails(d.mrn(), d.givenName(), d.familyName(), preferred, d.birthDate(), d.sex(),
                d.genderIdentity(), d.phone(), d.email(), d.address(), d.emergencyContact(), d.payerId(), d.memberId(),
                d.referringProvider(), d.primaryDiagnosisCode(), d.notes());
    }

    @Test
    void failedSignInsCountForTheWholeClinicAndAnAdministratorUnlocksAtAnyWorkstation() {
        GateConfig strict = TestClinic.config().withPolicy(new SignInPolicy(5, Duration.ofMinutes(5), 3));
        ClinicGate one = workstation("one", strict);
        one.connectToServer(server, serverPassword());
        SignedInClinic admin = one.setUp(setup()).clinic();
        AppUser sam = admin.users().create("sam", "Sam", Set.of(Role.SCHEDULER), "temporary passphrase 1".toCharArray());
        ClinicGate two = workstation("two", strict);
        two.connectToServer(server, serverPassword());

        assertEquals(SignInException.Reason.WRONG_CREDENTIALS, assertThrows(SignInException.class,
                () -> one.signIn("sam", "wrong guess one".toCharArray())).reason());
        assertEquals(SignInException.Reason.WRONG_CREDENTIALS, assertThrows(SignInException.class,
                () -> two.signIn("sam", "wrong guess two".toCharArray())).reason());
        assertEquals(SignInException.Reason.LOCKED, assertThrows(SignInException.class,
                () -> one.signIn("sam", "wrong guess three".toCharArray())).reason(), "the third failure, wherever made");
        assertEquals(SignInException.Reason.LOCKED, assertThrows(SignInException.class,
                () -> two.signIn("sam", "temporary passphrase 1".toCharArray())).reason(), "locked at every workstation");
        assertTrue(admin.users().list().stream().anyMatch(u -> u.user().id() == sam.id() && u.locked()));
        assertEquals(SignInException.Reason.WRONG_CREDENTIALS, assertThrows(SignInException.class,
                () -> two.signIn("nobody", "any password at all".toCharArray())).reason(), "an unknown name: the same words");

        // A name nobody has is delayed and locked exactly like a real one: the replies tell no names apart.
        for (int i = 2; i <= 3; i++) {
            assertEquals(i < 3 ? SignInException.Reason.WRONG_CREDENTIALS : SignInException.Reason.LOCKED,
                    assertThrows(SignInException.class, () -> one.signIn("nobody", "any password at all".toCharArray()))
                            .reason());
        }
        // ... and an account made later under that name does not start locked.
        admin.users().create("nobody", "Now Somebody", Set.of(Role.SCHEDULER), "temporary passphrase 2".toCharArray());
        two.signIn("nobody", "temporary passphrase 2".toCharArray()).close();

        admin.users().unlock(sam.id());
        two.signIn("sam", "temporary passphrase 1".toCharArray()).close();
        List<String> trail = admin.audit().page(new clinic.threshold.domain.audit.AuditFilter(null, null,
                "user.signin", null, null), null).stream().map(r -> r.outcome() + " " + r.detail()).toList();
        assertEquals(3, trail.stream().filter(t -> t.startsWith("FAILED wrong password")).count(), trail.toString());
        assertTrue(trail.contains("FAILED unknown user name (1 in a row)"), trail.toString());
        assertTrue(trail.contains("DENIED account locked"), trail.toString());
        admin.users().setActive(sam.id(), false);
        assertEquals(SignInException.Reason.DEACTIVATED, assertThrows(SignInException.class,
                () -> one.signIn("sam", "temporary passphrase 1".toCharArray())).reason());
        admin.close();
    }

    @Test
    void aWrongServerPasswordIsNotKeptAndTheFolderStaysAsItWas() {
        ClinicGate w = workstation("w");
        SignInException e = assertThrows(SignInException.class,
                () -> w.connectToServer(server, "not the server password".toCharArray()));
        assertEquals(SignInException.Reason.SERVER_UNAVAILABLE, e.reason());
        assertTrue(e.detail().contains("refused the account " + PostgresServer.APP_ROLE), e.detail());
        assertFalse(w.onServer());
        assertFalse(Files.exists(root.resolve("w").resolve("database.properties")));
        assertFalse(Files.exists(root.resolve("w").resolve("server.secret")));
        ValidationException bad = assertThrows(ValidationException.class, () -> w.connectToServer(
                new ServerFields("", "54x", server.database(), server.user(), "prefer"), serverPassword()));
        assertEquals(Set.of("host", "port", "sslMode"), bad.violations().stream().map(v -> v.field()).collect(
                java.util.stream.Collectors.toSet()));
    }

    @Test
    void aSecondSetupOnTheSameServerIsRefusedAndAFolderWithItsOwnClinicCannotConnect() throws Exception {
        ClinicGate one = workstation("one");
        ClinicGate two = workstation("two");
        one.connectToServer(server, serverPassword());
        two.connectToServer(server, serverPassword());
        one.setUp(setup()).clinic().close();
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> two.setUp(setup()));
        assertTrue(twice.getMessage().contains("set up already"), twice.getMessage());

        ClinicGate local = workstation("embedded");
        local.setUp(setup()).clinic().close(); // a clinic in the folder's own H2 file
        ValidationException refused = assertThrows(ValidationException.class,
                () -> local.connectToServer(server, serverPassword()));
        assertEquals("server.error.embeddedHere", refused.violations().get(0).messageKey());
        assertFalse(local.onServer());
    }

    @Test
    void aWorkstationRestartedReadsItsSettingsAndStoredPassword() {
        ClinicGate first = workstation("desk");
        first.connectToServer(server, serverPassword());
        first.setUp(setup()).clinic().close();
        ClinicGate again = workstation("desk");
        assertTrue(again.onServer(), "database.properties read at start");
        assertTrue(again.isSetUp());
        try (SignedInClinic c = again.signIn("admin", ADMIN_PASSWORD.toCharArray())) {
            assertTrue(c.onServer());
            var refused = assertThrows(clinic.threshold.service.backup.BackupException.class,
                    () -> c.backups().createNow(clinic.threshold.domain.common.Progress.NONE));
            assertTrue(refused.getMessage().contains("pg_dump"), refused.getMessage());
        }
        ClinicGate lostSecret = workstation("desk");
        try {
            Files.delete(root.resolve("desk").resolve("server.secret"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(lostSecret.isSetUp(), "still the sign-in screen, which asks for the connection again");
        assertEquals(SignInException.Reason.NOT_CONNECTED, assertThrows(SignInException.class,
                () -> lostSecret.signIn("admin", ADMIN_PASSWORD.toCharArray())).reason());
        assertEquals("server.error.restore", assertThrows(ValidationException.class, () -> lostSecret.restore(
                root.resolve("any.zip"), "admin", ADMIN_PASSWORD.toCharArray(), clinic.threshold.domain.common.Progress.NONE))
                .violations().get(0).messageKey(), "a server is restored with its own tools");
    }

    @Test
    void pointedAtAnotherDatabaseTheWorkstationForgetsTheOldTrailsMarks() throws Exception {
        ClinicGate desk = workstation("desk");
        desk.connectToServer(server, serverPassword());
        desk.setUp(setup()).clinic().close();
        Path folder = root.resolve("desk");
        assertTrue(Files.exists(folder.resolve("audit.head")));
        desk.connectToServer(server, serverPassword()); // the same database again (a new password, say): kept
        assertTrue(Files.exists(folder.resolve("audit.head")));

        ServerFields other = new ServerFields(server.host(), server.port(), PostgresServer.shared().newDatabaseForApp(),
                server.user(), server.tls());
        assertFalse(desk.connectToServer(other, serverPassword()));
        assertFalse(Files.exists(folder.resolve("audit.head")), "the other trail's head would read as events cut off");
        try (SignedInClinic c = desk.setUp(setup()).clinic()) {
            assertEquals(null, c.auditProblem(), "a fresh trail, checked clean");
        }
    }

    @Test
    void theSuitesClinicsLiveWhereTheirPassSays() {
        // The build runs the service suites twice; this fails if the PostgreSQL pass quietly used H2 files.
        try (var c = TestClinic.open(root.resolve("suite"))) {
            assertEquals(TestClinic.ON_POSTGRES, c.onServer(), c.dataLocation());
            assertEquals(TestClinic.ON_POSTGRES, Files.exists(root.resolve("suite").resolve("database.properties")));
        }
    }

    @Test
    void anAccountDeactivatedAtOneWorkstationCannotUnlockItsLockedScreenAtAnother() {
        ClinicGate one = workstation("one");
        one.connectToServer(server, serverPassword());
        SignedInClinic admin = one.setUp(setup()).clinic();
        AppUser sam = admin.users().create("sam", "Sam", Set.of(Role.SCHEDULER), "temporary passphrase 1".toCharArray());
        ClinicGate two = workstation("two");
        two.connectToServer(server, serverPassword());
        try (SignedInClinic chair = two.signIn("sam", "temporary passphrase 1".toCharArray())) {
            assertTrue(chair.session().unlock("temporary passphrase 1".toCharArray()), "the right password unlocks");
            admin.users().setActive(sam.id(), false);
            assertFalse(chair.session().unlock("temporary passphrase 1".toCharArray()),
                    "deactivated at the front desk: the chair's locked screen stays locked");
        }
        assertTrue(admin.audit().page(new clinic.threshold.domain.audit.AuditFilter(null, null, "session.unlock", null,
                null), null).stream().anyMatch(r -> r.outcome() == clinic.threshold.domain.audit.AuditOutcome.DENIED));
        admin.close();
    }
}
