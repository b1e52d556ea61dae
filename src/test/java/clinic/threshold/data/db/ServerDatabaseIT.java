package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.testing.PostgresServer;
import java.net.ServerSocket;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

/** Opening a clinic's database on a PostgreSQL server with a workstation's settings (issue 13). */
class ServerDatabaseIT {

    private static ServerConnection to(String url, String sslMode) {
        String db = url.substring(url.lastIndexOf('/') + 1);
        int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
        return new ServerConnection("127.0.0.1", port, db, PostgresServer.user(), sslMode);
    }

    @Test
    void opensMigratesAndReopensWithoutMigratingAgain() {
        ServerConnection c = to(PostgresServer.shared().newDatabase(), "disable");
        try (Database db = ServerDatabase.open(c, "unused".toCharArray())) {
            assertEquals(SQLDialect.POSTGRES, db.dsl().dialect());
            assertTrue(db.dsl().fetchCount(clinic.threshold.data.jooq.Tables.PAYER) > 0, "reference data seeded");
            assertEquals(0, db.dsl().fetchCount(clinic.threshold.data.jooq.Tables.PATIENT));
        }
        try (Database db = ServerDatabase.open(c, "unused".toCharArray())) {
            var r = db.dsl().fetchOne("SELECT COUNT(*), COUNT(DISTINCT version) FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL AND success");
            assertEquals(r.get(0, Integer.class), r.get(1, Integer.class), "each migration recorded once");
            assertTrue(r.get(0, Integer.class) >= 25, "every migration: " + r.get(0, Integer.class));
        }
    }

    @Test
    void aServerWithoutTlsIsRefusedWhenTlsIsRequiredAndSaysSo() {
        ServerConnection c = to(PostgresServer.shared().newDatabase(), "verify-full");
        DatabaseException e = assertThrows(DatabaseException.class, () -> ServerDatabase.open(c, new char[0]));
        assertTrue(e.getMessage().contains("does not offer the TLS this workstation requires (verify-full)"), e.getMessage());
    }

    @Test
    void aMissingDatabaseAndANoServerAreToldApart() throws Exception {
        ServerConnection real = to(PostgresServer.shared().newDatabase(), "disable");
        ServerConnection missing = new ServerConnection("127.0.0.1", real.port(), "no_such_clinic", real.user(), "disable");
        assertTrue(assertThrows(DatabaseException.class, () -> ServerDatabase.open(missing, new char[0])).getMessage()
                .contains("no database named no_such_clinic"));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ServerConnection nobody = new ServerConnection("127.0.0.1", closed, "threshold", "app", "disable");
        assertTrue(assertThrows(DatabaseException.class, () -> ServerDatabase.open(nobody, new char[0])).getMessage()
                .contains("127.0.0.1:" + closed + " cannot be reached"));
    }

    @Test
    void aServerUpdatedByANewerWorkstationRefusesAnOlderOne() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        ServerConnection c = to(url, "disable");
        ServerDatabase.open(c, new char[0]).close();
        try (var conn = PostgresServer.shared().connect(c.database()); var s = conn.createStatement()) {
            // what a newer Threshold's next migration leaves in the history
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '999', 'from the future',"
                    + " 'SQL', 'V999__from_the_future.sql', 0, 'postgres', 1, TRUE FROM flyway_schema_history");
        }
        DatabaseException e = assertThrows(DatabaseException.class, () -> ServerDatabase.open(c, new char[0]));
        assertTrue(e.getMessage().contains("newer version of Threshold (database version 999)"), e.getMessage());
    }
}
