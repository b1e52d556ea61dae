package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupKind;
import clinic.threshold.domain.backup.BackupMethod;
import clinic.threshold.domain.backup.BackupStatus;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.backup.BackupRestorer;
import clinic.threshold.service.backup.BackupService;
import clinic.threshold.service.backup.RestoreRefusedException;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.testing.TestClinic;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups end to end on a real encrypted clinic: taken, verified by restoring into a work folder, listed,
 * restored over the live folder (which is kept aside), refused when damaged or when the person is not an
 * administrator of the backed-up clinic, and taken automatically when due or at close.
 */
class BackupIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(TestClinic.CLOCK.instant(), TestClinic.ZONE);

    private static void addPatients(clinic.threshold.service.ClinicServices c, String family, int n) {
        for (int i = 0; i < n; i++) {
            c.patients().create(TestClinic.person("P" + i, family, LocalDate.of(1980, 1, 1).plusDays(i), null));
        }
    }

    private static int found(clinic.threshold.service.ClinicServices c, String family) {
        return c.patients().search(new PatientQuery(family, null, null, 1000)).size();
    }

    @Test
    void aBackupIsVerifiedAndRestoringItBringsBackExactlyThatState() throws Exception {
        BackupInfo b;
        try (var c = TestClinic.open(dir, clock)) {
            addPatients(c, "Before", 12);
            b = c.backups().createNow(Progress.NONE);
            assertEquals(BackupStatus.VERIFIED, b.status(), String.valueOf(b.problem()));
            assertEquals(BackupKind.MANUAL, b.kind());
            assertEquals(BackupMethod.FILE, b.method());
            assertTrue(b.sizeBytes() > 1000, "a real file: " + b.sizeBytes());
            assertEquals(TestClinic.latestSchema(), b.schemaVersion());
            assertEquals(List.of(b.fileName()), c.backups().list().stream().map(BackupInfo::fileName).toList());
            clock.advance(Duration.ofMinutes(5));
            addPatients(c, "After", 3);
        }
        Path archive = dir.resolve("backups").resolve(b.fileName());
        BackupRestorer.Restored r;
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            r = ctx.gate().restore(archive, TestClinic.TESTER, TestClinic.PASSWORD.toCharArray(), Progress.NONE);
        }
        assertTrue(Files.exists(r.replacedFiles().resolve("db").resolve("threshold.mv.db")), "the old file is kept");
        assertTrue(Files.exists(r.replacedFiles().resolve("keys.properties")));
        assertFalse(Files.exists(dir.resolve("restore-staging")));
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            assertEquals(12, found(c, "Before"));
            assertEquals(0, found(c, "After"), "work after the backup is gone from the live folder");
            assertTrue(c.audit().verify(n -> { }).intact(), "the chain verifies after the restore");
            var restores = c.audit().page(new AuditFilter(null, null, "backup.restore", null, null), null);
            assertEquals(1, restores.size());
            assertTrue(restores.get(0).detail().contains(r.replacedFiles().toString()), restores.get(0).detail());
        }
    }

    @Test
    void afterRestoringAnOlderBackupLaterBackupsOfTheAbandonedLineDoNotCount() {
        BackupInfo older;
        try (var c = TestClinic.open(dir, clock)) {
            addPatients(c, "Line", 2);
            older = c.backups().createNow(Progress.NONE);
            clock.advance(Duration.ofMinutes(10));
            addPatients(c, "Abandoned", 5);
            assertTrue(c.backups().createNow(Progress.NONE).good());
            assertEquals(java.util.Optional.empty(), c.backups().atClose(), "nothing new since the last copy");
        }
        clock.advance(Duration.ofMinutes(10));
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            ctx.gate().restore(dir.resolve("backups").resolve(older.fileName()), TestClinic.TESTER,
                    TestClinic.PASSWORD.toCharArray(), Progress.NONE);
        }
        clock.advance(Duration.ofMinutes(10));
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            assertEquals(0, found(c, "Abandoned"));
            assertTrue(c.backups().atClose().isPresent(),
                    "the newest copy is of a line the clinic left: the close takes a new one");
        }
    }

    @Test
    void compactingRebuildsASmallerFileWithEveryRecordAndTheTrailIntact() throws Exception {
        try (var c = TestClinic.open(dir, clock)) {
            addPatients(c, "Bulk", 300);
            TestClinic.addUser(c, c.context(), "clin", Set.of(Role.CLINICIAN));
        }
        Path file = dir.resolve("db").resolve("threshold.mv.db");
        long before;
        BackupRestorer.Restored r;
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            RestoreRefusedException notAdmin = assertThrows(RestoreRefusedException.class, () -> ctx.gate().compact(
                    "clin", TestClinic.PASSWORD.toCharArray(), Progress.NONE));
            assertEquals(RestoreRefusedException.Reason.NOT_ALLOWED, notAdmin.reason());
            assertEquals(List.of(), backupsIfAny(), "no dump taken for a refused compaction");
            assertFalse(Files.exists(dir.resolve("replaced")), "nothing switched");
            bloat();
            before = Files.size(file);
            r = ctx.gate().compact(TestClinic.TESTER, TestClinic.PASSWORD.toCharArray(), Progress.NONE);
        }
        long after = Files.size(file);
        // Single-row commits with WRITE_DELAY=0 leave dead chunks H2 never reclaims; the rebuild drops them.
        assertTrue(after * 2 < before, "compacted from " + before + " to " + after + " bytes");
        assertTrue(Files.exists(r.replacedFiles().resolve("db").resolve("threshold.mv.db")), "old file kept");
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            assertEquals(300, found(c, "Bulk"));
            assertTrue(c.audit().verify(n -> { }).intact());
            var events = c.audit().page(new AuditFilter(null, null, "database.compact", null, null), null);
            assertEquals(1, events.size());
            // the detail is measured before the restore's own audit event is appended, hence "before ->" only
            assertTrue(events.get(0).detail().contains(before + " -> "), events.get(0).detail());
        }
        System.out.printf("COMPACT 300 patients: %d -> %d bytes%n", before, after);
    }

    @Test
    void dueBackupsAreADailyCopyAndAWeeklyDumpAndBothVerify() {
        try (var c = TestClinic.open(dir, clock)) {
            addPatients(c, "Due", 5);
            BackupService s = c.backups();
            assertEquals(List.of(BackupKind.DAILY, BackupKind.WEEKLY), s.due());
            List<BackupInfo> taken = s.runDue();
            assertEquals(2, taken.size());
            assertTrue(taken.stream().allMatch(BackupInfo::good), taken.toString());
            assertEquals(BackupMethod.SCRIPT, taken.get(1).method());
            assertEquals(List.of(), s.due(), "nothing more is due today");
            clock.advance(Duration.ofDays(1));
            assertEquals(List.of(BackupKind.DAILY), s.due(), "the next day needs a copy, not a dump");
            clock.advance(Duration.ofDays(7));
            assertEquals(List.of(BackupKind.DAILY, BackupKind.WEEKLY), s.due());
        }
    }

    @Test
    void aDamagedBackupFailsVerificationAndCannotBeRestored() throws Exception {
        BackupInfo b;
        try (var c = TestClinic.open(dir, clock)) {
            addPatients(c, "Damaged", 8);
            b = c.backups().createNow(Progress.NONE);
            Path archive = dir.resolve("backups").resolve(b.fileName());
            // Overwrite a run of bytes in the middle of the (stored) database copy.
            try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
                long mid = f.length() / 2;
                f.seek(mid);
                f.write(new byte[256]);
            }
            BackupInfo again = c.backups().verify(b.fileName(), Progress.NONE);
            assertEquals(BackupStatus.FAILED, again.status());
            assertTrue(again.problem() != null && !again.problem().isBlank());
            assertTrue(c.backups().list().stream().noneMatch(BackupInfo::good), "never counted as good");
        }
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            assertTrue(ctx.gate().newestGoodBackup().isEmpty());
            RestoreRefusedException e = assertThrows(RestoreRefusedException.class, () -> ctx.gate().restore(
                    dir.resolve("backups").resolve(b.fileName()), TestClinic.TESTER,
                    TestClinic.PASSWORD.toCharArray(), Progress.NONE));
            assertEquals(RestoreRefusedException.Reason.BAD_BACKUP, e.reason());
        }
        try (var c = TestClinic.signIn(dir, TestClinic.TESTER, TestClinic.PASSWORD)) {
            assertEquals(8, found(c, "Damaged"), "the live data was not touched");
        }
    }

    @Test
    void onlyAnAdministratorWithTheRightPasswordMayRestore() {
        BackupInfo b;
        try (var c = TestClinic.open(dir, clock)) {
            TestClinic.addUser(c, c.context(), "clin", Set.of(Role.CLINICIAN));
            b = c.backups().createNow(Progress.NONE);
        }
        Path archive = dir.resolve("backups").resolve(b.fileName());
        try (AppContext ctx = TestClinic.context(dir, clock)) {
            RestoreRefusedException wrong = assertThrows(RestoreRefusedException.class, () -> ctx.gate().restore(
                    archive, TestClinic.TESTER, "not the password".toCharArray(), Progress.NONE));
            assertEquals(RestoreRefusedException.Reason.WRONG_CREDENTIALS, wrong.reason());
            RestoreRefusedException notAdmin = assertThrows(RestoreRefusedException.class, () -> ctx.gate().restore(
                    archive, "clin", TestClinic.PASSWORD.toCharArray(), Progress.NONE));
            assertEquals(RestoreRefusedException.Reason.NOT_ALLOWED, notAdmin.reason());
            assertFalse(Files.exists(dir.resolve("replaced")), "nothing was switched");
        }
    }

    @Test
    void aCloseBackupIsTakenOnlyWhenSomethingWasDone() {
        var withBackups = TestClinic.config().withAutomaticBackups(true);
        try (var c = TestClinic.open(dir, clock, withBackups)) {
            addPatients(c, "Close", 2);
        }
        List<String> first = backupNames();
        assertEquals(1, first.size(), "a copy at close after work: " + first);
        clock.advance(Duration.ofMinutes(30));
        try (var c = TestClinic.open(dir, clock, withBackups)) {
            assertEquals(1, c.backups().list().size());
        }
        assertEquals(first, backupNames(), "signing in and out alone is not work worth a backup");
    }

    @Test
    void settingsAreValidatedAndKeepTheFolderOutsideTheDatabase() throws Exception {
        try (var c = TestClinic.open(dir, clock)) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.backups().updateSettings(" ", 0, 9));
            assertEquals(List.of("backup.folder", "backup.keepDaily"),
                    e.violations().stream().map(v -> v.field()).toList());
            ValidationException inside = assertThrows(ValidationException.class,
                    () -> c.backups().updateSettings(dir.resolve("db").resolve("b").toString(), 14, 8));
            assertEquals("backup.validation.folderInDatabase", inside.violations().get(0).messageKey());
            Path other = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
            var v = c.backups().updateSettings(other.toString(), 7, 4);
            assertEquals(other.toAbsolutePath().toString(), v.folder());
            assertEquals(7, v.keepDaily());
            BackupInfo b = c.backups().createNow(Progress.NONE);
            assertTrue(Files.exists(other.resolve(b.fileName())), "written to the chosen folder");
            assertEquals(1, c.audit().page(new AuditFilter(null, null, "backup.settings", null, null), null).size());
        }
    }

    /** A day of single-row saves without H2's short compaction at close: the file H2 leaves behind. */
    private void bloat() throws java.sql.SQLException {
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                        + dir.resolve("db").resolve("threshold").toAbsolutePath()
                        + ";IFEXISTS=TRUE;CIPHER=AES;WRITE_DELAY=0;MAX_COMPACT_TIME=0",
                "sa", TestClinic.fileKeyHex(dir) + " ");
             java.sql.PreparedStatement ps = raw.prepareStatement(
                     "UPDATE clinic_setting SET setting_value = ? WHERE name = 'clinic.name'")) {
            for (int i = 0; i < 2000; i++) {
                ps.setString(1, i == 1999 ? "Test Clinic" : "Test Clinic " + (i % 7));
                assertEquals(1, ps.executeUpdate());
            }
        }
    }

    private List<String> backupsIfAny() {
        return Files.isDirectory(dir.resolve("backups")) ? backupNames() : List.of();
    }

    private List<String> backupNames() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".zip")).sorted().forEach(names::add);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
