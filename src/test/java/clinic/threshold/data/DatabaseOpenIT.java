package clinic.threshold.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.db.Database;
import clinic.threshold.data.db.DatabaseConfig;
import clinic.threshold.data.db.DatabaseException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the embedded database: settings in force, migrations applied, clear refusals. */
class DatabaseOpenIT {
    @TempDir
    Path dir;

    @Test
    void opensWithWriteDelayZeroAndTheMigratedSchema() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            List<?> writeDelay = db.dsl().fetchValues(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
            assertFalse(writeDelay.isEmpty());
            writeDelay.forEach(v -> assertEquals("0", v));
            // Kept at H2's defaults on purpose (ADR 0010): both protect crash recovery in the kill-restart test.
            assertEquals(List.of("200"), db.dsl().fetchValues("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'MAX_COMPACT_TIME'"), "H2's short compaction when closing stays on");
            assertEquals(List.of("true"), db.dsl().fetchValues("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'REUSE_SPACE'"), "free space is reused");
            long migrations;
            try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertEquals(migrations, db.dsl().fetchCount(db.dsl().selectFrom("\"flyway_schema_history\"")
                    .where("\"success\" = TRUE AND \"version\" IS NOT NULL")));
            assertEquals(13, db.dsl().fetchCount(db.dsl().selectFrom("PAYER")));
            assertTrue(db.dsl().fetchCount(db.dsl().selectFrom("DIAGNOSIS_CODE")) >= 25);
        }
        assertTrue(Files.exists(dir.resolve("threshold.mv.db")));
    }

    @Test
    void aDurableTransactionForcesTheFileToDiskAfterItCommitsAndOnlyThen() {
        List<String> executed = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.jooq.ExecuteListener recorder = new org.jooq.ExecuteListener() {
            @Override
            public void executeStart(org.jooq.ExecuteContext ctx) {
                executed.add(ctx.sql());
            }
        };
        try (Database db = Database.open(DatabaseConfig.in(dir).withListeners(List.of(recorder)))) {
            var tx = new clinic.threshold.data.db.Transactor(db.dsl());
            executed.clear();
            tx.inDurableTransaction(dsl -> dsl.execute(
                    "INSERT INTO APP_INFO (ID, CREATED_AT, DEMO) VALUES (1, CURRENT_TIMESTAMP, FALSE)"));
            assertEquals(2, executed.size(), executed.toString());
            assertTrue(executed.get(0).startsWith("INSERT"), executed.toString());
            assertEquals("CHECKPOINT SYNC", executed.get(1));
            executed.clear();
            assertThrows(IllegalStateException.class, () -> tx.inDurableTransaction(dsl -> {
                dsl.execute("UPDATE APP_INFO SET DEMO = TRUE");
                throw new IllegalStateException("rolled back");
            }));
            assertFalse(executed.contains("CHECKPOINT SYNC"), "nothing to force after a rollback");
        }
    }

    @Test
    void aFileHeldByAnotherProgramIsReportedAsInUseAndLeftAlone() throws Exception {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            db.dsl().execute("INSERT INTO APP_INFO (ID, CREATED_AT, DEMO) VALUES (1, CURRENT_TIMESTAMP, FALSE)");
        }
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "clinic.threshold.testing.HoldDatabase", dir.resolve("threshold").toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(DatabaseConfig.in(dir)));
            assertEquals(DatabaseException.Reason.IN_USE, e.reason());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            assertEquals(1, db.dsl().fetchCount(db.dsl().selectFrom("APP_INFO")), "nothing was lost or replaced");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNeverReplacedByAnEmptyOne() throws Exception {
        byte[] junk = "this is not an H2 database file, it is a damaged one".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("threshold.mv.db"), junk);
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(DatabaseConfig.in(dir)));
        assertEquals(DatabaseException.Reason.DAMAGED, e.reason());
        assertEquals(List.of((Object) junk.length), List.of((Object) (int) Files.size(dir.resolve("threshold.mv.db"))),
                "the damaged file is left exactly as it was");
    }
}
