package clinic.threshold.data.db;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one embedded database of a data folder: one connection pool per process, migrated by Flyway
 * before anyone uses it. Close it on exit; H2 then writes its last chunk and releases the file lock.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_CONNECTIONS = 8;

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;

    private Database(JdbcConnectionPool pool, DSLContext dsl) {
        this.pool = pool;
        this.dsl = dsl;
    }

    /**
     * Opens (creating on first use) and migrates the database. Throws {@link DatabaseException} with
     * reason IN_USE when another process holds the file, DAMAGED when H2 reports corruption, and
     * MIGRATION_FAILED when a migration fails. Never replaces a file it cannot read.
     */
    public static Database open(DatabaseConfig config) {
        boolean exists = Files.exists(config.dataFile());
        JdbcConnectionPool pool = JdbcConnectionPool.create(H2Url.forConfig(config, exists), "sa",
                H2Url.password(config));
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            checkSettings(pool);
            migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        DefaultConfiguration cfg = new DefaultConfiguration();
        cfg.set(pool);
        cfg.set(SQLDialect.H2);
        // Statement logging would write patient data into the log.
        // Unquoted names: H2 folds them to upper case and PostgreSQL to lower case, matching the unquoted
        // DDL of the migrations on both (generated code would otherwise quote H2's upper-case names).
        cfg.set(new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER));
        if (!config.listeners().isEmpty()) {
            cfg.set(config.listeners().toArray(org.jooq.ExecuteListener[]::new));
        }
        LOG.info("Database open (H2 {})", org.h2.engine.Constants.VERSION);
        return new Database(pool, DSL.using(cfg));
    }

    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        pool.dispose();
        LOG.info("Database closed");
    }

    private static void checkSettings(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            // H2 lists the setting more than once; every row must say 0.
            boolean seen = false;
            while (rs.next()) {
                seen = true;
                if (!"0".equals(rs.getString(1))) {
                    throw new DatabaseException(DatabaseException.Reason.OTHER,
                            "WRITE_DELAY is not 0: committed records could be lost on a crash", null);
                }
            }
            if (!seen) {
                throw new DatabaseException(DatabaseException.Reason.OTHER, "WRITE_DELAY setting not found", null);
            }
        } catch (SQLException e) {
            throw H2Errors.translateAtOpen(e);
        }
    }

    private static void migrate(JdbcConnectionPool pool) {
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            SQLException sql = H2Errors.findSqlCause(e);
            if (sql != null && H2Errors.isOpenFailure(sql)) {
                throw H2Errors.translate(sql);
            }
            throw new DatabaseException(DatabaseException.Reason.MIGRATION_FAILED,
                    "Database migration failed: " + e.getMessage(), e);
        }
    }
}
