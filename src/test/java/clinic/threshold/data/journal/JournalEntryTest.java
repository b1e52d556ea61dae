package clinic.threshold.data.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalEntryTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @TempDir
    Path dir;

    private static JournalEntry sample() {
        return sample(1);
    }

    private static JournalEntry sample(long seq) {
        List<String> columns = List.of("ID", "NAME", "BORN", "AT", "LOCAL", "TIME", "AMOUNT", "FLAG", "SMALL",
                "BIG", "RATIO", "BLOB", "UUID", "NOTHING");
        List<Object> values = Arrays.asList(7L, "Zoë O'Neil", LocalDate.of(1980, 2, 29),
                OffsetDateTime.of(2026, 11, 27, 8, 30, 0, 123_000_000, ZoneOffset.ofHours(-8)),
                LocalDateTime.of(2026, 1, 2, 3, 4, 5), LocalTime.of(23, 59), new BigDecimal("12.500"), true,
                (short) 3, 42, 0.25d, new byte[] {1, 2, 3}, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                null);
        return new JournalEntry(seq, List.of(new RowChange("PATIENT", false, columns, values, List.of("ID")),
                new RowChange("USER_ROLE", true, List.of("USER_ID", "ROLE_CODE"), List.of(1L, "ADMIN"),
                        List.of("USER_ID", "ROLE_CODE"))), Map.of("SEQ_PATIENT_MRN", 12L));
    }

    private static void assertSame(JournalEntry a, JournalEntry b) {
        assertEquals(a.seq(), b.seq());
        assertEquals(a.sequences(), b.sequences());
        assertEquals(a.changes().size(), b.changes().size());
        for (int i = 0; i < a.changes().size(); i++) {
            RowChange x = a.changes().get(i);
            RowChange y = b.changes().get(i);
            assertEquals(x.table(), y.table());
            assertEquals(x.delete(), y.delete());
            assertEquals(x.columns(), y.columns());
            assertEquals(x.keyColumns(), y.keyColumns());
            for (int j = 0; j < x.values().size(); j++) {
                if (x.values().get(j) instanceof byte[] bytes) {
                    assertArrayEquals(bytes, (byte[]) y.values().get(j));
                } else {
                    assertEquals(x.values().get(j), y.values().get(j), x.columns().get(j));
                    if (x.values().get(j) != null) {
                        assertEquals(x.values().get(j).getClass(), y.values().get(j).getClass());
                    }
                }
            }
        }
    }

    @Test
    void everyStoredTypeComesBackAsTheSameValueAndType() throws IOException {
        JournalEntry e = sample();
        assertSame(e, JournalEntry.decode(e.encode()));
    }

    @Test
    void recordsAreReadBackAcrossGenerationsInOrder() throws IOException {
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            j.append(sample(1));
            j.startGeneration();
            j.append(sample(2));
            j.append(sample(3));
            CommitJournal.Contents c = j.read();
            assertEquals(List.of(1L, 2L, 3L), c.entries().stream().map(JournalEntry::seq).toList());
            assertFalse(c.damaged());
            for (int i = 0; i < 3; i++) {
                assertSame(sample(i + 1), c.entries().get(i));
            }
        }
        // a new generation replaces the oldest one: the journal never holds more than two
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            j.startGeneration();
            j.append(sample(4));
            assertEquals(List.of(2L, 3L, 4L), j.read().entries().stream().map(JournalEntry::seq).toList());
        }
    }

    @Test
    void aReadKeepsOnlyTheRecordsAfterTheFilesCommitButSeesThemAll() throws IOException {
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            for (int i = 1; i <= 4; i++) {
                j.append(sample(i));
            }
            CommitJournal.Contents after2 = j.read(2);
            assertEquals(List.of(3L, 4L), after2.entries().stream().map(JournalEntry::seq).toList(), "only what the file may lack");
            assertEquals(4L, after2.lastSeq());
            assertEquals(j.read().sequences(), after2.sequences(), "sequence values from every record read");
            assertFalse(after2.sequences().isEmpty());
        }
    }

    @Test
    void setAsideKeepsBothGenerationsAndStartsEmpty() throws IOException {
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            j.append(sample(1));
            j.startGeneration();
            j.append(sample(2));
            j.setAside("x");
            assertEquals(0, j.read().entries().size());
            j.append(sample(3));
            assertEquals(List.of(3L), j.read().entries().stream().map(JournalEntry::seq).toList());
        }
        assertTrue(Files.exists(dir.resolve("t.commitlog.kept-x")));
        assertTrue(Files.exists(dir.resolve("t.commitlog.1.kept-x")));
    }

    @Test
    void aTornLastRecordIsSkippedAndADamagedOneIsReported() throws IOException {
        Path file;
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            j.append(sample());
            j.append(sample());
            file = j.files().get(1);
        }
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 5));
        CommitJournal.Contents torn = new CommitJournal(dir, "t", KEY).read();
        assertEquals(1, torn.entries().size());
        assertFalse(torn.damaged(), "a record cut short by a kill was never reported saved");

        all[20] ^= 0x40;
        Files.write(file, all);
        CommitJournal.Contents bad = new CommitJournal(dir, "t", KEY).read();
        assertEquals(0, bad.entries().size());
        assertTrue(bad.damaged());
    }

    @Test
    void anotherKeyCannotReadTheJournal() throws IOException {
        try (CommitJournal j = new CommitJournal(dir, "t", KEY)) {
            j.append(sample());
        }
        CommitJournal.Contents other = new CommitJournal(dir, "t", KEY.replace('0', '1')).read();
        assertTrue(other.damaged());
        assertEquals(0, other.entries().size());
    }

    @Test
    void aValueOfAnUnknownTypeIsRefusedAtWriteTime() {
        assertFalse(ValueCodec.supports(new StringBuilder("x")));
        JournalEntry odd = new JournalEntry(1, List.of(new RowChange("T", false, List.of("ID", "X"),
                List.of(1L, new StringBuilder("x")), List.of("ID"))), Map.of());
        assertThrows(IOException.class, odd::encode);
    }
}
