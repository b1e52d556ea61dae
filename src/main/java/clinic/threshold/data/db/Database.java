package clinic.threshold.data.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import clinic.threshold.data.journal.CommitJournal;
import clinic.threshold.data.journal.JournalRecovery;
import clinic.threshold.data.journal.JournalingTransactionProvider;
import clinic.threshold.data.journal.JournalTrigger;
import clinic.threshold.data.journal.SharedJournal;
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
    private final SharedJournal journal;
    private final JournalRecovery.Result recovery;

    private Database(JdbcConnectionPool pool, DSLContext dsl, SharedJournal journal, JournalRecovery.Result recovery) {
        this.pool = pool;
        this.dsl = dsl;
        this.journal = journal;
        this.recovery = recovery;
    }

    /**
     * Opens and migrates the database (creating it only when {@code config.create()}). Throws
     * {@link DatabaseException}: IN_USE when another process holds the file, DAMAGED when H2 reports
     * corruption, MISSING when the file is not there, BACKUP_FAILED when the guard could not secure the
     * data before a migration, and MIGRATION_FAILED when a migration fails (the file is then put back as it
     * was). Never replaces a file it cannot read.
     */
    public static Database open(DatabaseConfig config) {
        if (MigrationRollback.recoverInterrupted(config.dataFile())) {
            LOG.warn("An interrupted database update was found; the file from before it was put back");
        }
        boolean exists = Files.exists(config.dataFile());
        if (!exists && !config.create()) {
            throw new DatabaseException(DatabaseException.Reason.MISSING,
                    "The database file is missing: " + config.dataFile(), null);
        }
        synchronized (SharedJournal.class) { // one open at a time decides who recovers and starts the journal
            SharedJournal inUse = SharedJournal.join(config.dataFile());
            try {
                return open(config, exists, inUse);
            } catch (RuntimeException e) {
                if (inUse != null) {
                    inUse.leave();
                }
                throw e;
            }
        }
    }

    /** {@code inUse}: the journal of this file already open in this process (another pool), or null. */
    private static Database open(DatabaseConfig config, boolean exists, SharedJournal inUse) {
        JdbcConnectionPool pool = pool(config, exists);
        CommitJournal journal = inUse != null ? inUse.journal()
                : new CommitJournal(config.directory(), config.name(), config.fileKeyHex());
        JournalRecovery.Result recovery;
        boolean journaled;
        try {
            checkSettings(pool);
            // Before any migration: the journal's rows have the shape of the schema they were saved under.
            // A file already open here has nothing to recover: the other pool's commits are in it.
            recovery = inUse != null ? JournalRecovery.Result.nothing(0) : recover(pool, journal);
            Flyway flyway = flyway(pool, config.migrations());
            org.flywaydb.core.api.MigrationInfoService info = readHistory(flyway);
            MigrationInfo current = info.current();
            MigrationInfo[] pending = info.pending();
            if (pending.length > 0 && current != null) {
                // An existing clinic is about to change shape: secure it first, and keep a closed-file copy
                // to put back if a migration fails half-way (H2 commits DDL statement by statement).
                String from = current.getVersion().getVersion();
                String to = pending[pending.length - 1].getVersion().getVersion();
                String backup = guard(pool, config.migrations().guard(), from, to);
                pool.dispose();
                Path copy = MigrationRollback.copyAside(config.dataFile());
                pool = pool(config, true);
                migrateOrRollBack(pool, config, copy, from, to, backup);
            } else if (pending.length > 0) {
                migrate(flyway);
            }
            if (config.migrations().target() == null) {
                checkSchemaWhole(pool);
            }
            journaled = startJournal(pool, journal, recovery, inUse == null);
        } catch (RuntimeException e) {
            if (inUse == null) {
                journal.close();
            }
            pool.dispose();
            throw e;
        }
        DefaultConfiguration cfg = new DefaultConfiguration();
        cfg.set(pool);
        cfg.set(SQLDialect.H2);
        // Statement logging would write patient data into the log.
        // Unquoted names: H2 folds them to upper case and PostgreSQL to lower case, matching the unquoted
        // DDL of the migrations on both (generated code would otherwise quote H2's upper-case names).
        cfg.set(settings());
        if (!config.listeners().isEmpty()) {
            cfg.set(config.listeners().toArray(org.jooq.ExecuteListener[]::new));
        }
        SharedJournal shared = inUse != null ? inUse : SharedJournal.start(config.dataFile(), journal,
                recovery.lastJournalSeq());
        if (journaled) {
            // After the pool: jOOQ's own provider takes its connections from it; ours numbers and journals commits.
            cfg.set(new JournalingTransactionProvider(new org.jooq.impl.DefaultTransactionProvider(
                    cfg.connectionProvider()), shared));
        }
        LOG.info("Database open (H2 {})", org.h2.engine.Constants.VERSION);
        return new Database(pool, DSL.using(cfg), shared, recovery);
    }

    /** Puts back commits the file lost and the journal kept (ADR 0011); see {@link JournalRecovery}. */
    private static JournalRecovery.Result recover(JdbcConnectionPool pool, CommitJournal journal) {
        try (Connection c = pool.getConnection()) {
            JournalRecovery.Result r = JournalRecovery.recover(c, journal);
            switch (r.outcome()) {
                case REPLAYED -> {
                    // CHECKPOINT SYNC: the replayed rows must not depend on the same recovery again.
                    try (Statement s = c.createStatement()) {
                        s.execute("CHECKPOINT SYNC");
                    }
                    LOG.warn("The database file had lost {} saved transactions (audit events {} to {}); they were "
                            + "put back from the commit journal ({} rows)", r.transactions(), r.fromSeq() + 1,
                            r.toSeq(), r.rows());
                }
                case CANNOT_REPLAY -> LOG.warn("The commit journal could not be replayed: {}", r.why());
                default -> { }
            }
            return r;
        } catch (SQLException e) {
            throw H2Errors.translateAtOpen(e);
        }
    }

    /**
     * Every application table gets the journal's row trigger (tables added by a migration get theirs here),
     * and the journal starts a new generation when the file held every commit of the previous one itself;
     * otherwise the current generation carries on. After a failed replay both are moved aside (kept for
     * whoever investigates) and the journal starts empty.
     */
    private static boolean startJournal(JdbcConnectionPool pool, CommitJournal journal, JournalRecovery.Result recovery,
                                        boolean first) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA"
                    + " = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' AND LOWER(TABLE_NAME) <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.contains("JOURNAL_MARK")) {
                return false; // a database held at an older version (tools, tests): no journal before V013
            }
            for (String t : tables) {
                s.execute("CREATE TRIGGER IF NOT EXISTS \"JOURNAL_" + t + "\" AFTER INSERT, UPDATE, DELETE ON \""
                        + t + "\" FOR EACH ROW CALL '" + JournalTrigger.class.getName() + "'");
            }
            // A migration's changes are not journaled: force them to disk before journaled commits follow.
            s.execute("CHECKPOINT SYNC");
            if (!first) {
                return true; // the journal is already running for this file
            }
            if (recovery.outcome() == JournalRecovery.Outcome.CANNOT_REPLAY) {
                journal.setAside(Long.toString(System.currentTimeMillis()));
            } else if (recovery.mayRotate()) {
                journal.startGeneration();
            } else {
                // A replay is itself among the newest commits H2 can lose: while the file lacks commits of the
                // previous generation, both stay, and the current one goes on after its last whole record.
                journal.continueGeneration();
            }
            return true;
        } catch (SQLException e) {
            throw H2Errors.translateAtOpen(e);
        } catch (java.io.IOException e) {
            throw new DatabaseException(DatabaseException.Reason.OTHER,
                    "The commit journal could not be started: " + e.getMessage(), e);
        }
    }

    /** What the commit journal's recovery found when this database opened. */
    public JournalRecovery.Result recovery() {
        return recovery;
    }

    /** The jOOQ settings of every connection the app makes (also for a DSL over a PostgreSQL data source). */
    public static Settings settings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER);
    }

    /** jOOQ over one plain connection with the app's settings: for checking a restored copy of the database. */
    public static DSLContext dslFor(Connection c) {
        return DSL.using(c, SQLDialect.H2, settings());
    }

    /**
     * Every table the code knows must be there. A damaged file has been seen to open without error but
     * without a table (its definition unreadable); that must stop the app, not show an empty list.
     */
    private static void checkSchemaWhole(JdbcConnectionPool pool) {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        clinic.threshold.data.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()
                .forEach(t -> missing.add(t.getName().toUpperCase(java.util.Locale.ROOT)));
        try (Connection c = pool.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                missing.remove(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
            }
        } catch (SQLException e) {
            throw H2Errors.translateAtOpen(e);
        }
        if (!missing.isEmpty()) {
            throw new DatabaseException(DatabaseException.Reason.DAMAGED,
                    "The database file opened without the tables " + missing, null);
        }
    }

    private static JdbcConnectionPool pool(DatabaseConfig config, boolean exists) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(H2Url.forConfig(config, exists), "sa",
                H2Url.password(config));
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    private static String guard(JdbcConnectionPool pool, MigrationGuard guard, String from, String to) {
        try (Connection c = pool.getConnection()) {
            return guard.beforeMigrating(c, from, to);
        } catch (DatabaseException e) {
            throw e;
        } catch (Exception e) {
            throw new DatabaseException(DatabaseException.Reason.BACKUP_FAILED,
                    "The backup before updating the database from version " + from + " to " + to
                            + " failed, so the update was not started: " + e.getMessage(), e);
        }
    }

    private static void migrateOrRollBack(JdbcConnectionPool pool, DatabaseConfig config, Path copy, String from,
                                          String to, String backup) {
        try {
            migrate(flyway(pool, config.migrations()));
            MigrationRollback.discard(copy);
        } catch (DatabaseException e) {
            pool.dispose();
            if (e.reason() != DatabaseException.Reason.MIGRATION_FAILED) {
                MigrationRollback.putBack(copy, config.dataFile());
                throw e;
            }
            MigrationRollback.putBack(copy, config.dataFile());
            throw new DatabaseException(DatabaseException.Reason.MIGRATION_FAILED,
                    "Updating the database from version " + from + " to " + to + " failed: " + e.getMessage()
                            + " The database was put back at version " + from + ", unchanged."
                            + (backup == null ? "" : " A verified backup taken just before is " + backup + "."),
                    e.getCause());
        }
    }
    public DSLContext dsl() {
        return dsl;
    }

    /** A database on a server (see {@link ServerDatabase}): no file, no commit journal, nothing to recover. */
    static Database ofServer(JdbcConnectionPool pool, DSLContext dsl) {
        return new Database(pool, dsl, null, JournalRecovery.Result.nothing(0));
    }

    @Override
    public void close() {
        pool.dispose();
        if (journal != null) {
            journal.leave();
        }
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

    private static Flyway flyway(JdbcConnectionPool pool, DatabaseConfig.Migrations m) {
        var fc = Flyway.configure()
                .dataSource(pool)
                .locations(m.locations().toArray(String[]::new))
                .validateMigrationNaming(true);
        if (m.target() != null) {
            fc = fc.target(m.target());
        }
        return fc.load();
    }

    /**
     * Flyway's history table is read from the file like any other: an unreadable value there (seen in the
     * damaged-file variants: "BINARY VARYING to INTEGER") means a damaged file, not a failed migration.
     */
    private static org.flywaydb.core.api.MigrationInfoService readHistory(Flyway flyway) {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            SQLException sql = H2Errors.findSqlCause(e);
            if (sql != null) {
                throw H2Errors.translateAtOpen(sql);
            }
            throw new DatabaseException(DatabaseException.Reason.DAMAGED, "The migration history cannot be read", e);
        }
    }

    private static void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException sql = H2Errors.findSqlCause(e);
            if (sql != null && H2Errors.isOpenFailure(sql)) {
                throw H2Errors.translate(sql);
            }
            throw new DatabaseException(DatabaseException.Reason.MIGRATION_FAILED, e.getMessage(), e);
        }
    }
}
