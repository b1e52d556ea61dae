package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.service.backup.BackupCatalog;
import clinic.threshold.service.security.GateConfig;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations never put records at risk: an existing database is backed up (verified) before it is
 * migrated, a migration that fails leaves it exactly at its previous version, a migration cut short by a
 * crash is undone at the next start, and a backup taken by an older schema restores and is brought up to
 * date. A missing database file is reported, never replaced by an empty one.
 */
class MigrationSafetyIT {
    /** The schema before the newest migration, as an installed older version of Threshold had it. */
    static final String PREVIOUS = "010";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestClinic.CLOCK.instant(), TestClinic.ZONE);

    private static GateConfig upTo(String target) {
        return TestClinic.config().withMigrations(new DatabaseConfig.Migrations(
                List.of("classpath:db/migration"), target, null));
    }

    private static GateConfig withBrokenMigration() {
        return TestClinic.config().withMigrations(new DatabaseConfig.Migrations(
                List.of("classpath:db/migration", "classpath:db/failing"), null, null));
    }

    private String schemaVersion() {
        List<String> v = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                + " ORDER BY \"installed_rank\" DESC LIMIT 1", v::add);
        return v.get(0);
    }

    private int patients(String family) {
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            return c.patients().search(new PatientQuery(family, null, null, 1000)).size();
        }
    }

    @Test
    void anOlderDatabaseIsBackedUpThenMigrated() {
        try (var c = TestClinic.open(dir, clock, upTo(PREVIOUS))) {
            c.patients().create(TestClinic.person("Ann", "Older", LocalDate.of(1970, 1, 1), null));
        }
        assertEquals(PREVIOUS, schemaVersion());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, patients("Older"));
        assertEquals(TestClinic.latestSchema(), schemaVersion());
        List<BackupInfo> backups = new BackupCatalog(dir.resolve("backups")).list();
        assertEquals(1, backups.size());
        assertEquals(BackupKind.PRE_MIGRATION, backups.get(0).kind());
        assertTrue(backups.get(0).good(), String.valueOf(backups.get(0).problem()));
        assertEquals(PREVIOUS, backups.get(0).schemaVersion());
    }

    @Test
    void aFailingMigrationLeavesTheDatabaseAtItsPreviousVersion() {
        try (var c = TestClinic.open(dir, clock)) {
            c.patients().create(TestClinic.person("Bo", "Kept", LocalDate.of(1971, 1, 1), null));
        }
        try (AppContext ctx = TestClinic.context(dir, clock, withBrokenMigration())) {
            SignInException e = assertThrows(SignInException.class,
                    () -> ctx.gate().signIn(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray()));
            assertEquals(SignInException.Reason.DATABASE_UPDATE_FAILED, e.reason());
            assertTrue(e.detail().contains("put back at version " + TestClinic.latestSchema()), e.detail());
            assertTrue(e.detail().contains("pre-migration"), "names the backup taken before: " + e.detail());
            // and the same again on the next attempt: refused cleanly, nothing half-done builds up
            SignInException again = assertThrows(SignInException.class,
                    () -> ctx.gate().signIn(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray()));
            assertEquals(SignInException.Reason.DATABASE_UPDATE_FAILED, again.reason());
        }
        assertEquals(TestClinic.latestSchema(), schemaVersion());
        List<String> tables = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HALF_DONE'",
                tables::add);
        assertEquals(List.of("0"), tables, "the half-run migration's table is gone");
        assertFalse(Files.exists(dir.resolve("db").resolve("threshold.mv.db.before-migration")));
        assertEquals(1, patients("Kept"), "the released version still opens it, records intact");
    }

    @Test
    void aBackupFromThePreviousSchemaRestoresAndIsBroughtUpToDate() throws Exception {
        BackupInfo old;
        try (var c = TestClinic.open(dir, clock, upTo(PREVIOUS))) {
            c.patients().create(TestClinic.person("Cy", "Restored", LocalDate.of(1972, 1, 1), null));
            // The old schema has no backup.manage permission yet; the automatic (system) path still backs it up.
            old = c.backups().runDue().get(0);
            assertTrue(old.good(), String.valueOf(old.problem()));
            assertEquals(PREVIOUS, old.schemaVersion());
            clock.advance(Duration.ofMinutes(1));
            c.patients().create(TestClinic.person("Di", "Restored", LocalDate.of(1973, 1, 1), null));
        }
        assertEquals(2, patients("Restored")); // migrates the live file to the current version
        clock.advance(Duration.ofMinutes(1));
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            ctx.gate().restore(dir.resolve("backups").resolve(old.fileName()), TestClinic.TESTER,
                    TestClinic.PASSWORD.toCharArray(), Progress.NONE);
        }
        assertEquals(TestClinic.latestSchema(), schemaVersion(), "restored, then migrated");
        assertEquals(1, patients("Restored"));
    }

    @Test
    void aMigrationCutShortByACrashIsUndoneAtTheNextStart() throws Exception {
        try (var c = TestClinic.open(dir, clock)) {
            c.patients().create(TestClinic.person("Ed", "Crash", LocalDate.of(1974, 1, 1), null));
        }
        Path file = dir.resolve("db").resolve("threshold.mv.db");
        Path copy = file.resolveSibling("threshold.mv.db.before-migration");
        Files.copy(file, copy);
        // What a crash mid-migration leaves: the copy, and a live file changed by half a migration.
        TestClinic.sql(dir, "CREATE TABLE half_done (id INTEGER)");
        assertEquals(1, patients("Crash"));
        assertFalse(Files.exists(copy));
        List<String> tables = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'HALF_DONE'",
                tables::add);
        assertEquals(List.of("0"), tables);
    }

    @Test
    void anUnfinishedCopyFromBeforeAMigrationIsDiscardedNeverPutBack() throws Exception {
        try (var c = TestClinic.open(dir, clock)) {
            c.patients().create(TestClinic.person("Gus", "Partial", LocalDate.of(1976, 1, 1), null));
        }
        Path part = dir.resolve("db").resolve("threshold.mv.db.before-migration.part");
        Files.write(part, new byte[4096]); // what a full disk or a crash during the copy leaves
        assertEquals(1, patients("Partial"), "the live file was opened, not the partial copy");
        assertFalse(Files.exists(part));
    }

    @Test
    void aMissingDatabaseFileIsReportedNeverReplacedByAnEmptyOne() throws Exception {
        try (var c = TestClinic.open(dir, clock)) {
            c.patients().create(TestClinic.person("Flo", "Missing", LocalDate.of(1975, 1, 1), null));
        }
        Path file = dir.resolve("db").resolve("threshold.mv.db");
        Files.move(file, dir.resolve("moved.mv.db"));
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            SignInException e = assertThrows(SignInException.class,
                    () -> ctx.gate().signIn(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray()));
            assertEquals(SignInException.Reason.DATABASE_MISSING, e.reason());
        }
        assertFalse(Files.exists(file), "no empty database was created");
    }

    @Test
    void contextOpensWithoutMigrationWhenNothingIsPending() {
        try (var c = TestClinic.open(dir, clock)) {
            assertEquals(0, c.patients().count());
        }
        try (var c = TestClinic.open(dir, clock)) {
            assertEquals(0, c.patients().count());
        }
        assertEquals(List.of(), new BackupCatalog(dir.resolve("backups")).list(),
                "no pre-migration backup when nothing migrates");
    }
}
