package clinic.threshold.service.security;

/** Sign-in refused. The message key says why in words the user understands; nothing was opened. */
public class SignInException extends RuntimeException {
    public enum Reason {
        /** Unknown user or wrong password (deliberately not told apart). */
        WRONG_CREDENTIALS,
        /** Too many failures: an administrator must unlock the account. */
        LOCKED,
        /** Too many failures in a row: wait before the next attempt. */
        WAIT,
        /** The account was deactivated by an administrator. */
        DEACTIVATED,
        /** The key file beside the database is damaged. */
        KEY_FILE_DAMAGED,
        /** No clinic here yet: setup comes first. */
        NOT_SET_UP,
        /** The key is right but the database file is damaged: restore from a backup. */
        DATABASE_DAMAGED,
        /** The database file is not where the key file says the clinic is (moved, deleted, unmounted). */
        DATABASE_MISSING,
        /** An update of the database (or the backup before it) failed; it was left at its previous version. */
        DATABASE_UPDATE_FAILED,
        /** The database could not be opened for another reason (in use, I/O). */
        DATABASE_UNAVAILABLE,
        /** The clinic's PostgreSQL server refused or could not be reached; the detail says which. */
        SERVER_UNAVAILABLE,
        /** This workstation points at a server but holds no password for it: an administrator connects it again. */
        NOT_CONNECTED
    }

    private final Reason reason;
    private final long waitSeconds;

    public SignInException(Reason reason, long waitSeconds) {
        this(reason, waitSeconds, null);
    }

    public SignInException(Reason reason, long waitSeconds, Throwable cause) {
        super("Sign-in refused: " + reason, cause);
        this.reason = reason;
        this.waitSeconds = waitSeconds;
    }

    /** Sign-in stopped by the database: the reason in the user's terms, the cause (with details) kept. */
    public static SignInException database(clinic.threshold.data.db.DatabaseException e) {
        Reason r = switch (e.reason()) {
            case DAMAGED -> Reason.DATABASE_DAMAGED;
            case MISSING -> Reason.DATABASE_MISSING;
            case MIGRATION_FAILED, BACKUP_FAILED -> Reason.DATABASE_UPDATE_FAILED;
            default -> Reason.DATABASE_UNAVAILABLE;
        };
        return new SignInException(r, 0, e);
    }

    /** For a database reason: what the data layer said (versions, backup path), for the administrator. */
    public String detail() {
        return getCause() == null ? "" : String.valueOf(getCause().getMessage());
    }

    public Reason reason() {
        return reason;
    }

    public long waitSeconds() {
        return waitSeconds;
    }
}
