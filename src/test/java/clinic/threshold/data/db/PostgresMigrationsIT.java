package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.data.jooq.DefaultSchema;
import clinic.threshold.testing.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's first promise: the same Flyway migrations that build the embedded H2 file build a PostgreSQL database,
 * with every table and column the jOOQ code reads and writes. Runs on a real PostgreSQL server started by the build.
 */
class PostgresMigrationsIT {

    @Test
    void everyMigrationRunsOnPostgresqlAndLeavesEveryTableAndColumnTheCodeKnows() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.newDatabase();
        Flyway flyway = Flyway.configure().dataSource(url, PostgresServer.user(), "")
                .locations(DatabaseConfig.Migrations.DEFAULT.locations().toArray(String[]::new))
                .validateMigrationNaming(true).load();
        int available = flyway.info().pending().length;
        var result = flyway.migrate();
        assertTrue(result.success);
        assertEquals(available, result.migrationsExecuted, "every migration ran");
        assertTrue(available >= 25, "the migrations were found: " + available);

        Set<String> missing = new TreeSet<>();
        try (Connection c = java.sql.DriverManager.getConnection(url, PostgresServer.user(), "");
             PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                     + " WHERE table_schema = 'public' AND table_name = ?")) {
            for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                String table = t.getName().toLowerCase(Locale.ROOT);
                ps.setString(1, table);
                Set<String> columns = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                if (columns.isEmpty()) {
                    missing.add(table);
                    continue;
                }
                for (Field<?> f : t.fields()) {
                    if (!columns.contains(f.getName().toLowerCase(Locale.ROOT))) {
                        missing.add(table + "." + f.getName().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "tables and columns the code uses that PostgreSQL lacks");
    }
}
