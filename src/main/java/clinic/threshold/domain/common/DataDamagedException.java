package clinic.threshold.domain.common;

/**
 * The database file turned out to be damaged while reading or writing (H2 found a corrupted page after
 * the file had opened). Nothing was saved; the records must be restored from a backup.
 */
public class DataDamagedException extends RuntimeException {
    public DataDamagedException(Throwable cause) {
        super("The database file is damaged", cause);
    }
}
