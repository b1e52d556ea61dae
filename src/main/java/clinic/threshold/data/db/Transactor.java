package clinic.threshold.data.db;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Runs one use case in one transaction: all of it commits, or none of it does. */
public final class Transactor {
    private final DSLContext dsl;

    public Transactor(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Runs {@code work} in a transaction; an exception thrown by {@code work} rolls back and propagates unwrapped. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
        } catch (DataAccessException e) {
            // jOOQ wraps RuntimeExceptions thrown inside the lambda only when they are checked; unwrap ours.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r && !(cause instanceof DataAccessException)) {
                throw r;
            }
            throw e;
        }
    }

    /** Read-only work outside an explicit transaction (each statement auto-commits). */
    public <T> T read(Function<DSLContext, T> work) {
        return work.apply(dsl);
    }
}
