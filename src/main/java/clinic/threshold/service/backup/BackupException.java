package clinic.threshold.service.backup;

/** A backup or restore could not be done; the message says what and where, in words an administrator uses. */
public class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
