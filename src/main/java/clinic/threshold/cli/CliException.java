package clinic.threshold.cli;

/** A failure the command line reports as one clear line on standard error, with its exit code. */
public class CliException extends RuntimeException {
    /** Invalid input: bad options, bad values. */
    public static final int INVALID_INPUT = 2;
    /** The data could not be reached: folder not writable, database in use or damaged. */
    public static final int UNAVAILABLE = 3;
    /** Sign-in refused (wrong password, locked or deactivated account) or the role lacks the permission. */
    public static final int ACCESS_DENIED = 4;
    /** A check found a problem (for example a broken audit chain). */
    public static final int CHECK_FAILED = 5;

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
