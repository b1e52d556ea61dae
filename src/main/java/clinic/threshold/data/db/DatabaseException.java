package clinic.threshold.data.db;

/** The database could not be opened or used. {@link #reason()} says why in terms the UI can explain. */
public class DatabaseException extends RuntimeException {

    public enum Reason {
        /** Another process (usually another Threshold) holds the database file. */
        IN_USE,
        /** H2 reports a damaged file; never replaced by an empty database. */
        DAMAGED,
        /** The file is encrypted with another key (or not encrypted when a key was given). */
        WRONG_KEY,
        /** A migration failed; the schema stays at its previous version. */
        MIGRATION_FAILED,
        /** The backup that must precede a migration could not be taken; nothing was changed. */
        BACKUP_FAILED,
        /** The database file is not there although the clinic was set up (moved, deleted, unmounted). */
        MISSING,
        /** Anything else: I/O, permissions, driver errors. */
        OTHER
    }

    private final Reason reason;

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
