package clinic.threshold.data.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A clinic database on a PostgreSQL server (issue 13), built by the same migrations as the H2 file and reached through
 * jOOQ in the PostgreSQL dialect with the app's settings.
 */
public final class PostgresTarget {
    private PostgresTarget() {
    }

    /**
     * Connects to {@code url} with {@code sslMode} (a PostgreSQL sslmode: verify-full, require, disable), runs the
     * migrations there and returns jOOQ over it. The password array is cleared. Throws {@link DatabaseException} with
     * the server's reason when it cannot.
     */
    public static DSLContext migrated(String url, String user, char[] password, String sslMode) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(new String(password));
        ds.setSslMode(sslMode);
        java.util.Arrays.fill(password, '\0');
        try {
            Flyway.configure().dataSource(ds).locations(DatabaseConfig.Migrations.DEFAULT.locations().toArray(String[]::new))
                    .validateMigrationNaming(true).load().migrate();
        } catch (FlywayException e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            throw new DatabaseException(DatabaseException.Reason.OTHER, "the server's database could not be built: "
                    + t.getClass().getSimpleName() + ": " + t.getMessage(), e);
        }
        return DSL.using(ds, SQLDialect.POSTGRES, Database.settings());
    }
}
