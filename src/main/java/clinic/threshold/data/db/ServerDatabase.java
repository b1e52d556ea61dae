package clinic.threshold.data.db;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Opens a clinic database on a PostgreSQL server (issue 13): connects with the workstation's settings, runs the same
 * migrations as the embedded file (Flyway takes PostgreSQL's advisory lock, so two workstations starting at once do
 * not migrate twice) and hands back the same {@link Database} the services use, in the PostgreSQL dialect. No commit
 * journal: the server's write-ahead log keeps commits (ADR 0011).
 */
public final class ServerDatabase {
    /**
     * Connections one workstation holds at most: its screens' background work, the audit walk and the change feed
     * rarely need more, and a server's default of 100 connections then serves about fourteen workstations (each opens
     * them only as needed; docs/postgresql.md sizes max_connections).
     */
    static final int MAX_CONNECTIONS = 6;

    private ServerDatabase() {
    }

    /** Opens the database {@code c} names; {@code password} is cleared. Failures are explained by reason. */
    public static Database open(ServerConnection c, char[] password) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setUrl(c.url());
        ds.setUser(c.user());
        ds.setPassword(new String(password));
        ds.setSslMode(c.sslMode());
        ds.setApplicationName("Threshold");
        java.util.Arrays.fill(password, '\0');
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            try (Connection probe = pool.getConnection()) {
                probe.isValid(5);
            } catch (SQLException e) {
                throw unreachable(c, e);
            }
            try {
                Flyway flyway = Flyway.configure().dataSource(pool).locations(DatabaseConfig.Migrations.DEFAULT.locations()
                        .toArray(String[]::new)).validateMigrationNaming(true).load();
                refuseNewer(flyway);
                flyway.migrate();
            } catch (FlywayException e) {
                throw new DatabaseException(DatabaseException.Reason.MIGRATION_FAILED,
                        "the server's database could not be brought up to this version of Threshold", e);
            }
            return Database.ofServer(pool, DSL.using(pool, SQLDialect.POSTGRES, Database.settings()));
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * Workstations are updated one by one; the first one updated brings the server's database up to its version. An
     * older workstation must not then write to a shape it does not know (Flyway would let it, ignoring "future"
     * migrations): it is refused until it is updated too.
     */
    private static void refuseNewer(Flyway flyway) {
        for (org.flywaydb.core.api.MigrationInfo m : flyway.info().applied()) {
            if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS) {
                throw new DatabaseException(DatabaseException.Reason.OTHER, "The clinic's server has been brought up to a "
                        + "newer version of Threshold (database version " + m.getVersion() + "): update this workstation "
                        + "before it works on the records again", null);
            }
        }
    }

    /** What the administrator can act on: the server's address, the account, or TLS. */
    private static DatabaseException unreachable(ServerConnection c, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String why;
        if (state.startsWith("28")) {
            why = "the server refused the account " + c.user() + " or its password";
        } else if (state.equals("3D000")) {
            why = "the server has no database named " + c.database();
        } else if (String.valueOf(e.getMessage()).contains("SSL")) {
            why = "the server does not offer the TLS this workstation requires (" + c.sslMode() + ")";
        } else {
            why = "the server " + c.host() + ":" + c.port() + " cannot be reached";
        }
        return new DatabaseException(DatabaseException.Reason.OTHER, "Cannot open the clinic's database: " + why, e);
    }
}
