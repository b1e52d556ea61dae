package clinic.threshold.data.db;

import java.sql.Connection;

/**
 * Runs before migrations change an existing database: the app takes and verifies a backup here. Throwing
 * stops the migration, and the database stays as it was.
 */
@FunctionalInterface
public interface MigrationGuard {
    MigrationGuard NONE = (c, from, to) -> null;

    /**
     * Prepares for migrating from schema version {@code from} to {@code to} on the open connection
     * {@code c}; returns where the safety copy is (for messages), or null when none is kept.
     */
    String beforeMigrating(Connection c, String from, String to) throws Exception;
}
