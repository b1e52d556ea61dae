package clinic.threshold.data.patient;

import java.util.Locale;
import org.jooq.exception.IntegrityConstraintViolationException;

/** The unique constraint on the MRN refused a value another patient holds (a race the pre-check lost). */
public final class MrnTakenException extends RuntimeException {
    private static final String CONSTRAINT = "UQ_PATIENT_MRN";

    private MrnTakenException(Throwable cause) {
        super("MRN already in use", cause);
    }

    /** This exception when {@code e} is the MRN constraint (H2 upper-cases names, PostgreSQL lower-cases). */
    static RuntimeException orRethrow(IntegrityConstraintViolationException e) {
        return String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains(CONSTRAINT)
                ? new MrnTakenException(e) : e;
    }
}
