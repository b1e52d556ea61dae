package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.testing.TestClinic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit journal against the failure the kill soak found: H2 reopening its file at an older state,
 * without commits that were reported saved. The test makes that happen on purpose (the closed file of an
 * earlier moment is put back under the journal) and checks that every save comes back exactly, that the
 * patient numbers and keys carry on without a clash, and that a journal that cannot prove it continues
 * from the file is never replayed.
 */
class CommitJournalIT {
    @TempDir
    Path dir;

    private Path dataFile() {
        return dir.resolve("db").resolve("threshold.mv.db");
    }

    /** Sets up a clinic with three patients and returns a copy of its closed database file. */
    private Path olderFile() throws Exception {
        try (var c = TestClinic.open(dir)) {
            for (int i = 0; i < 3; i++) {
                c.patients().create(TestClinic.person("E" + i, "Early", LocalDate.of(1980, 1, 1).plusDays(i), null));
            }
        }
        return Files.copy(dataFile(), dir.resolve("older.mv.db"));
    }

    private static List<Patient> laterSaves(clinic.threshold.service.ClinicServices c) {
        List<Patient> saved = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            saved.add(c.patients().create(TestClinic.person("L" + i, "Later", LocalDate.of(1990, 5, 1).plusDays(i),
                    "555-010" + i)));
        }
        PatientSummary early = c.patients().search(new PatientQuery("Early", null, null, 10)).get(0);
        Patient before = c.patients().get(early.id());
        PatientDetails d = before.details();
        saved.add(c.patients().update(before.id(), before.version(), new PatientDetails(d.mrn(), d.givenName(),
                d.familyName(), "Edie", d.birthDate(), d.sex(), d.genderIdentity(), "555-0199", d.email(),
                d.address(), d.emergencyContact(), d.payerId(), d.memberId(), d.referringProvider(),
                d.primaryDiagnosisCode(), d.notes())));
        return saved;
    }

    @Test
    void savesTheFileLostComeBackFromTheJournalExactly() throws Exception {
        Path older = olderFile();
        List<Patient> saved;
        try (var c = TestClinic.open(dir)) {
            saved = laterSaves(c);
        }
        long mrnSequence = number(dir, "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'SEQ_PATIENT_MRN'");
        long patientIdentity = number(dir, "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'PATIENT' AND COLUMN_NAME = 'ID'");
        Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING); // H2 "recovered" to an older state

        try (var c = TestClinic.open(dir)) {
            // The sequences carry on where the lost saves left them.
            assertTrue(number(dir, "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = "
                    + "'SEQ_PATIENT_MRN'") >= mrnSequence);
            assertTrue(number(dir, "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'PATIENT'"
                    + " AND COLUMN_NAME = 'ID'") >= patientIdentity);
            for (Patient p : saved) {
                Patient now = c.patients().get(p.id());
                assertEquals(p, now, "patient " + p.id() + " is back exactly as it was saved");
            }
            assertEquals(7, c.patients().count());
            var check = c.audit().verify(n -> { });
            assertTrue(check.intact(), check.problem());
            var recovered = c.audit().page(new AuditFilter(null, null, "database.recover", null, null), null);
            assertEquals(1, recovered.size());
            assertTrue(recovered.get(0).detail().contains("put back from the commit journal"), recovered.get(0).detail());

            // Keys and patient numbers carry on after the replayed ones instead of colliding with them.
            Patient next = c.patients().create(TestClinic.person("N", "Next", LocalDate.of(2000, 1, 1), null));
            Set<String> mrns = new HashSet<>();
            for (String family : List.of("Early", "Later", "Next")) {
                c.patients().search(new PatientQuery(family, null, null, 100)).forEach(s -> mrns.add(s.mrn()));
            }
            assertEquals(8, c.patients().count());
            assertEquals(8, mrns.size(), "no patient number given twice: " + mrns);
            assertTrue(saved.stream().allMatch(p -> p.id() < next.id()));
        }
        // The next open finds nothing missing and records no second recovery.
        try (var c = TestClinic.open(dir)) {
            assertEquals(1, c.audit().page(new AuditFilter(null, null, "database.recover", null, null), null).size());
            assertEquals(8, c.patients().count());
        }
    }

    /**
     * H2 loses the newest commits, and a replay is one of them when the session after it saved little (a
     * sign-in, a glance at the list, the machine switched off). Seen on the large clinic after a dozen such
     * sessions in a row: the journal had rotated away the generation whose commits only a lost replay held.
     * Here the file goes back to the same early state three times running; every save must still come back.
     */
    @Test
    void replayedSavesLostAgainAndAgainStillComeBack() throws Exception {
        Path older = olderFile();
        List<Patient> saved;
        try (var c = TestClinic.open(dir)) {
            saved = new ArrayList<>(laterSaves(c));
        }
        for (int round = 0; round < 3; round++) {
            Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
            try (var c = TestClinic.open(dir)) {
                for (Patient p : saved) {
                    assertEquals(p, c.patients().get(p.id()), "round " + round + ": patient " + p.id() + " is back");
                }
                saved.add(c.patients().create(TestClinic.person("R" + round, "Round", LocalDate.of(1995, 1, 1)
                        .plusDays(round), null)));
            }
        }
        Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
        try (var c = TestClinic.open(dir)) {
            for (Patient p : saved) {
                assertEquals(p, c.patients().get(p.id()), "patient " + p.id() + " is back after the fourth loss");
            }
            assertEquals(3 + 4 + 3, c.patients().count());
            assertTrue(c.audit().verify(n -> { }).intact());
        }
        // Once an open finds every journaled commit in the file itself, the journal sheds what it kept.
        long kept = journalBytes();
        try (var c = TestClinic.open(dir)) {
            assertEquals(10, c.patients().count());
        }
        try (var c = TestClinic.open(dir)) {
            assertEquals(10, c.patients().count());
        }
        assertTrue(journalBytes() < kept, "the journal shrank from " + kept + " to " + journalBytes() + " bytes");
    }

    /**
     * The crash that makes H2 lose commits can also tear the journal record being written. The generation kept after
     * the replay must go on after its last whole record, or the next loss finds the new records behind a torn one.
     */
    @Test
    void aRecordTornByTheCrashDoesNotHideTheRecordsWrittenAfterTheReplay() throws Exception {
        Path older = olderFile();
        List<Patient> saved;
        try (var c = TestClinic.open(dir)) {
            saved = new ArrayList<>(laterSaves(c));
        }
        for (int round = 0; round < 2; round++) {
            // Half a record at the end: a header that promises 400 bytes and the first few of them.
            Path current = dir.resolve("db").resolve("threshold.commitlog");
            byte[] torn = java.nio.ByteBuffer.allocate(20).putInt(0x544A4E31).putInt(400).putInt(7).putLong(42).array();
            Files.write(current, torn, java.nio.file.StandardOpenOption.APPEND);
            Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
            try (var c = TestClinic.open(dir)) {
                for (Patient p : saved) {
                    assertEquals(p, c.patients().get(p.id()), "round " + round + ": patient " + p.id() + " is back");
                }
                for (int i = 0; i < 3; i++) {
                    saved.add(c.patients().create(TestClinic.person("T" + round + i, "Torn", LocalDate.of(1996, 2, 1)
                            .plusDays(round * 10 + i), null)));
                }
            }
        }
        Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
        try (var c = TestClinic.open(dir)) {
            for (Patient p : saved) {
                assertEquals(p, c.patients().get(p.id()), "patient " + p.id() + " is back after the third loss");
            }
            assertEquals(3 + 4 + 6, c.patients().count());
        }
    }

    private long journalBytes() throws java.io.IOException {
        long total = 0;
        for (Path j : journalFiles()) {
            total += Files.exists(j) ? Files.size(j) : 0;
        }
        return total;
    }

    @Test
    void withoutTheJournalTheOlderFileIsRefusedNotOpenedAsWhole() throws Exception {
        Path older = olderFile();
        try (var c = TestClinic.open(dir)) {
            laterSaves(c);
        }
        Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
        for (Path j : journalFiles()) {
            Files.deleteIfExists(j);
        }
        SignInException e = assertThrows(SignInException.class, () -> TestClinic.open(dir).close());
        assertEquals(SignInException.Reason.DATABASE_DAMAGED, e.reason());
    }

    @Test
    void aJournalWithADamagedRecordIsNotReplayedAtAllAndIsKeptAside() throws Exception {
        Path older = olderFile();
        try (var c = TestClinic.open(dir)) {
            laterSaves(c);
        }
        Files.copy(older, dataFile(), StandardCopyOption.REPLACE_EXISTING);
        Path current = dir.resolve("db").resolve("threshold.commitlog");
        byte[] bytes = Files.readAllBytes(current);
        List<Integer> starts = recordStarts(bytes);
        assertTrue(starts.size() >= 4, "several saves were journaled: " + starts.size());
        int middle = starts.get(starts.size() / 2);
        bytes[middle + 20] ^= 0x01; // inside a record in the middle of the lost run: its GCM tag fails
        Files.write(current, bytes);
        SignInException e = assertThrows(SignInException.class, () -> TestClinic.open(dir).close());
        assertEquals(SignInException.Reason.DATABASE_DAMAGED, e.reason());
        // No partial replay: the file still holds only what it held before the lost saves.
        assertEquals(3, number(dir, "SELECT COUNT(*) FROM PATIENT"));
        try (var files = Files.list(dir.resolve("db"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("threshold.commitlog.kept-")),
                    "the journal that could not be replayed is kept for investigation");
        }
    }

    /** Offsets of the records in a journal file (each: magic, length, body). */
    private static List<Integer> recordStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        while (b.remaining() >= 8) {
            starts.add(b.position());
            b.getInt();
            int length = b.getInt();
            b.position(b.position() + length);
        }
        return starts;
    }

    private static long number(Path dir, String query) {
        List<String> out = new ArrayList<>();
        TestClinic.sqlQuery(dir, query, out::add);
        return Long.parseLong(out.get(0));
    }

    @Test
    void theJournalHoldsNoReadablePatientDataInClear() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Zebedee", "Quixotic", LocalDate.of(1971, 3, 4), "555-0123"));
            assertTrue(Files.size(dir.resolve("db").resolve("threshold.commitlog")) > 0, "the save was journaled");
        }
        for (Path j : journalFiles()) {
            if (Files.exists(j)) {
                String text = new String(Files.readAllBytes(j), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("Quixotic"), j + " holds a patient name in clear");
                assertFalse(text.contains("QUIXOTIC"), j + " holds a search key in clear");
            }
        }
    }

    private List<Path> journalFiles() {
        return List.of(dir.resolve("db").resolve("threshold.commitlog"), dir.resolve("db").resolve("threshold.commitlog.1"));
    }
}
