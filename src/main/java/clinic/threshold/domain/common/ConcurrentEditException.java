package clinic.threshold.domain.common;

/**
 * Someone else saved the same record after this user opened it. The user's edits are kept on screen;
 * nothing was written.
 */
public class ConcurrentEditException extends RuntimeException {
    public ConcurrentEditException(String what, Object id) {
        super(what + " " + id + " was changed by someone else");
    }
}
