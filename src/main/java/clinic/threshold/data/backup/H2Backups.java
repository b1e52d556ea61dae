package clinic.threshold.data.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The H2 commands behind backups. BACKUP TO copies the (encrypted) file consistently while the database
 * stays open; SCRIPT TO writes SQL, deflated and encrypted with AES under the database key, that a later H2
 * version can run. Paths and the key go into the SQL as literals (H2 takes no parameters here), escaped;
 * H2's trace file is off, so they are never written anywhere.
 */
public final class H2Backups {
    private H2Backups() {
    }

    public static void fileCopy(Connection c, Path zip) throws SQLException {
        exec(c, "BACKUP TO " + literal(zip.toAbsolutePath().toString()));
    }

    public static void script(Connection c, Path file, String keyHex) throws SQLException {
        execSecret(c, "SCRIPT TO " + literal(file.toAbsolutePath().toString()) + " COMPRESSION DEFLATE CIPHER AES PASSWORD "
                + literal(keyHex));
    }

    public static void runScript(Connection c, Path file, String keyHex) throws SQLException {
        execSecret(c, "RUNSCRIPT FROM " + literal(file.toAbsolutePath().toString())
                + " COMPRESSION DEFLATE CIPHER AES PASSWORD " + literal(keyHex));
    }

    /**
     * Opens a database of the clinic's shape in {@code dir} (named "threshold", encrypted with the key):
     * an existing one (a restored file copy) or, with {@code create}, a new empty one to run a script into.
     */
    public static Connection open(Path dir, String keyHex, boolean create) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("threshold").toAbsolutePath().toString().replace('\\', '/')
                + ";WRITE_DELAY=0;FILE_LOCK=FILE;TRACE_LEVEL_FILE=0;CIPHER=AES" + (create ? "" : ";IFEXISTS=TRUE");
        return DriverManager.getConnection(url, "sa", keyHex + " ");
    }

    /**
     * Locks the audit head row for the rest of {@code c}'s transaction. Every audited write takes the same
     * lock, so the database holds still while a backup reads counts and copies it.
     */
    public static void holdAuditHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE").close();
        } catch (SQLException e) {
            // A schema from before the audit trail (V006) has no head to lock.
            if (e.getErrorCode() != org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1
                    && e.getErrorCode() != org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1) {
                throw e;
            }
        }
    }

    public static String h2Version() {
        return org.h2.engine.Constants.VERSION;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs a statement that carries the key. H2 appends the statement to its error messages, so the error
     * is replaced by one with the same code and state and no message or cause from H2.
     */
    private static void execSecret(Connection c, String sql) throws SQLException {
        try {
            exec(c, sql);
        } catch (SQLException e) {
            throw new SQLException("H2 error " + e.getErrorCode() + " in an encrypted dump or restore",
                    e.getSQLState(), e.getErrorCode());
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
