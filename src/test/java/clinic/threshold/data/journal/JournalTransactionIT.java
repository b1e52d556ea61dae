package clinic.threshold.data.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.Transactor;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reaches the journal: committed transactions only, numbered in commit order with the database's
 * mark equal to the last number, also when several threads commit at once.
 */
class JournalTransactionIT {
    @TempDir
    Path dir;

    private static void setting(org.jooq.DSLContext dsl, String name, String value) {
        dsl.insertInto(DSL.table("CLINIC_SETTING")).columns(DSL.field("NAME"), DSL.field("SETTING_VALUE"),
                DSL.field("UPDATED_AT")).values(name, value, OffsetDateTime.now()).execute();
    }

    private static long number(Database db, String sql) {
        return ((Number) db.dsl().fetchValue(sql)).longValue();
    }

    private List<JournalEntry> entries() {
        return new CommitJournal(dir, "threshold", null).read().entries();
    }

    @Test
    void aTransactionThatWritesAndThenFailsIsNotJournaled() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            Transactor tx = new Transactor(db.dsl());
            int before = entries().size();
            assertThrows(IllegalStateException.class, () -> tx.inTransaction(dsl -> {
                setting(dsl, "x.rolledBack", "1");
                throw new IllegalStateException("the use case fails after writing");
            }));
            assertEquals(before, entries().size(), "a rolled-back write never reaches the journal");
            tx.inTransaction(dsl -> {
                setting(dsl, "x.kept", "1");
                return null;
            });
            List<JournalEntry> after = entries();
            assertEquals(before + 1, after.size());
            JournalEntry last = after.get(after.size() - 1);
            assertEquals(List.of("CLINIC_SETTING", "JOURNAL_MARK"), last.changes().stream().map(RowChange::table).toList());
            assertEquals("x.kept", last.changes().get(0).value("NAME"));
            assertEquals(last.seq(), ((Number) last.changes().get(1).value("LAST_SEQ")).longValue());
        }
    }

    @Test
    void concurrentCommitsAreNumberedInTheOrderTheyCommitted() throws Exception {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            Transactor tx = new Transactor(db.dsl());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String name = "c." + thread + "." + i;
                        String value = Integer.toString(i);
                        tx.inTransaction(dsl -> {
                            setting(dsl, name, value);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            List<Long> seqs = entries().stream().map(JournalEntry::seq).toList();
            List<Long> sorted = new ArrayList<>(seqs);
            Collections.sort(sorted);
            assertEquals(sorted, seqs, "records are in number order");
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "no number skipped");
            }
            long mark = number(db, "SELECT LAST_SEQ FROM JOURNAL_MARK WHERE ID = 1");
            assertEquals(seqs.get(seqs.size() - 1), mark, "the database's mark is the last journaled number");
        }
    }

    @Test
    void sequencesAndIdentityColumnsAreMovedPastEveryValueInUse() throws Exception {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            db.dsl().execute("ALTER SEQUENCE SEQ_PATIENT_MRN RESTART WITH 5");
            db.dsl().execute("INSERT INTO PATIENT (ID, MRN, GIVEN_NAME, FAMILY_NAME, BIRTH_DATE, SEX_AT_BIRTH, STATUS,"
                    + " FAMILY_KEY, GIVEN_KEY, CREATED_AT, UPDATED_AT) VALUES (100, 'X100', 'A', 'B', DATE '1980-01-01',"
                    + " 'FEMALE', 'ACTIVE', 'B', 'A', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            try (java.sql.Connection c = DSL.using(db.dsl().configuration()).configuration().connectionProvider().acquire()) {
                int moved = SequenceCatchUp.run(c, java.util.Map.of("SEQ_PATIENT_MRN", 40L));
                assertEquals(2, moved, "the sequence and the patient identity");
            }
            assertEquals(40L, number(db, "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                    + " WHERE SEQUENCE_NAME = 'SEQ_PATIENT_MRN'"));
            assertEquals(101L, number(db, "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = 'PATIENT' AND COLUMN_NAME = 'ID'"));
        }
    }

    @Test
    void twoPoolsOnOneFileShareOneJournalAndCounter() throws Exception {
        try (Database first = Database.open(DatabaseConfig.in(dir)); Database second = Database.open(DatabaseConfig.in(dir))) {
            Transactor a = new Transactor(first.dsl());
            Transactor b = new Transactor(second.dsl());
            for (int i = 0; i < 5; i++) {
                String n = Integer.toString(i);
                a.inTransaction(dsl -> {
                    setting(dsl, "a." + n, n);
                    return null;
                });
                b.inTransaction(dsl -> {
                    setting(dsl, "b." + n, n);
                    return null;
                });
            }
            List<Long> seqs = entries().stream().map(JournalEntry::seq).toList();
            assertEquals(10, seqs.size());
            for (int i = 1; i < seqs.size(); i++) {
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "one counter for both pools: " + seqs);
            }
            assertEquals(seqs.get(9), number(second, "SELECT LAST_SEQ FROM JOURNAL_MARK WHERE ID = 1"));
        }
        try (Database again = Database.open(DatabaseConfig.in(dir))) {
            assertEquals(JournalRecovery.Outcome.NOTHING_MISSING, again.recovery().outcome());
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(f -> f.contains(".kept-")).toList(),
                    "nothing was set aside");
        }
    }
}
