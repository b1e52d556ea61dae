package clinic.threshold.domain.common;

/** The record asked for does not exist (or is voided and hidden from the caller). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
