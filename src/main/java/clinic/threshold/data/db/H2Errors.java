package clinic.threshold.data.db;

import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns H2's error codes into the few situations the app explains to a user. */
public final class H2Errors {
    private H2Errors() {
    }

    static DatabaseException translate(SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new DatabaseException(DatabaseException.Reason.IN_USE,
                    "The database file is in use by another process", e);
        }
        if (code == ErrorCode.FILE_ENCRYPTION_ERROR_1 || code == ErrorCode.WRONG_USER_OR_PASSWORD
                || code == ErrorCode.WRONG_PASSWORD_FORMAT) {
            return new DatabaseException(DatabaseException.Reason.WRONG_KEY,
                    "The database file cannot be opened with this key", e);
        }
        if (isCorruption(e)) {
            return new DatabaseException(DatabaseException.Reason.DAMAGED, "The database file is damaged", e);
        }
        return new DatabaseException(DatabaseException.Reason.OTHER, "Database error " + code, e);
    }

    /**
     * While opening: H2 reads its schema from the file, so unreadable values there (a conversion error, a
     * general error) mean a damaged file too, not a problem with a statement.
     */
    static DatabaseException translateAtOpen(SQLException e) {
        int code = e.getErrorCode();
        // A damaged length field can also make H2 try to allocate absurd amounts of memory while opening.
        if (code == ErrorCode.DATA_CONVERSION_ERROR_1 || code == ErrorCode.GENERAL_ERROR_1
                || code == ErrorCode.OUT_OF_MEMORY) {
            return new DatabaseException(DatabaseException.Reason.DAMAGED, "The database file is damaged", e);
        }
        return translate(e);
    }

    static boolean isOpenFailure(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1 || isCorruption(e)
                || e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1
                || e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD;
    }

    public static boolean isCorruption(SQLException e) {
        int code = e.getErrorCode();
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // H2 reports page-level damage as a general error wrapping an MVStoreException.
        return code == ErrorCode.FILE_CORRUPTED_1
                || (code == ErrorCode.GENERAL_ERROR_1 && (msg.contains("corrupt") || msg.contains("mvstoreexception")));
    }

    /**
     * On a database that is already open (its key proven right), errors that can only mean a damaged
     * file: corruption, an MVStore failure, or a page that no longer decrypts (90049, seen in the soak's
     * damaged-file variants while the sign-in wrote its audit event).
     */
    public static boolean isDamageWhileOpen(SQLException e) {
        return isCorruption(e) || e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1
                || String.valueOf(e.getMessage()).contains("MVStoreException") || isUnreadableCompressedPage(e);
    }

    /**
     * H2 compresses its pages; a flipped byte inside one makes the inflater fail ("incorrect header check",
     * "invalid block type"), reported as a general error. Seen in CI's damaged-file variants during sign-in.
     */
    static boolean isUnreadableCompressedPage(SQLException e) {
        if (e.getErrorCode() != ErrorCode.GENERAL_ERROR_1) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.util.zip.DataFormatException || c instanceof java.util.zip.ZipException) {
                return true;
            }
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return msg.contains("incorrect header check") || msg.contains("invalid block type")
                || msg.contains("invalid distance") || msg.contains("invalid stored block")
                || msg.contains("incorrect data check");
    }

    public static SQLException findSqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }
}
