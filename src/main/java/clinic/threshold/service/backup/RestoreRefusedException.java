package clinic.threshold.service.backup;

/** A restore was refused before anything in the data folder changed. */
public class RestoreRefusedException extends BackupException {
    public enum Reason {
        /** The user name or password does not open the backup's key. */
        WRONG_CREDENTIALS,
        /** The person is not an active administrator (backup.manage) in the backup being restored. */
        NOT_ALLOWED,
        /** The backup failed verification; {@link #getMessage()} says how. */
        BAD_BACKUP
    }

    private final Reason reason;

    public RestoreRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
