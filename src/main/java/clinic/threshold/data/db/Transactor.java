package clinic.threshold.data.db;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Runs one use case in one transaction: all of it commits, or none of it does. */
public final class Transactor {
    private final DSLContext dsl;
    private final ThreadLocal<java.util.List<Runnable>> afterCommit = new ThreadLocal<>();
    private final ThreadLocal<java.util.Map<Object, Object>> values = new ThreadLocal<>();

    public Transactor(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Runs {@code work} in a transaction; an exception thrown by {@code work} rolls back and propagates unwrapped. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        if (afterCommit.get() != null) {
            throw new IllegalStateException("transactions do not nest: one use case, one transaction");
        }
        java.util.List<Runnable> hooks = new java.util.ArrayList<>();
        afterCommit.set(hooks);
        values.set(new java.util.HashMap<>());
        try {
            T result = dsl.transactionResult(cfg -> work.apply(cfg.dsl()));
            afterCommit.remove();
            values.remove();
            hooks.forEach(Runnable::run);
            return result;
        } catch (DataAccessException e) {
            damagedOrNot(e);
            // jOOQ wraps RuntimeExceptions thrown inside the lambda only when they are checked; unwrap ours.
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r && !(cause instanceof DataAccessException)) {
                throw r;
            }
            throw e;
        } finally {
            afterCommit.remove();
            values.remove();
        }
    }

    /**
     * For clinically important records (a signed session note, a medication change): commits like
     * {@link #inTransaction}, then forces the database file to disk with H2's {@code CHECKPOINT SYNC}, so the
     * record survives a power cut as well as a killed process. PostgreSQL already syncs at commit.
     */
    public <T> T inDurableTransaction(Function<DSLContext, T> work) {
        return inTransaction(work, result -> true);
    }

    /**
     * As {@link #inTransaction}, made durable as {@link #inDurableTransaction} does when {@code durable} says so of
     * the result: for work that only learns while it runs whether it wrote a clinically important record.
     */
    public <T> T inTransaction(Function<DSLContext, T> work, java.util.function.Predicate<T> durable) {
        T result = inTransaction(work);
        if (durable.test(result) && dsl.dialect().family() == org.jooq.SQLDialect.H2) {
            try {
                dsl.execute("CHECKPOINT SYNC");
            } catch (DataAccessException e) {
                // The record is committed (it survives a killed process); reporting the save as failed
                // would invite entering it twice. The failing disk shows up at the next write or backup.
                org.slf4j.LoggerFactory.getLogger(Transactor.class).warn("CHECKPOINT SYNC failed after a commit: {}",
                        e.getClass().getSimpleName());
            }
        }
        return result;
    }

    /** Runs {@code hook} once the current transaction has committed (never if it rolls back). */
    public void afterCommit(Runnable hook) {
        java.util.List<Runnable> hooks = afterCommit.get();
        if (hooks == null) {
            throw new IllegalStateException("afterCommit outside a transaction");
        }
        hooks.add(hook);
    }

    /**
     * A value kept for the current transaction only, made by {@code init} the first time {@code key} asks for it in
     * this transaction; forgotten when it commits or rolls back.
     */
    @SuppressWarnings("unchecked")
    public <T> T perTransaction(Object key, java.util.function.Supplier<T> init) {
        java.util.Map<Object, Object> current = values.get();
        if (current == null) {
            throw new IllegalStateException("perTransaction outside a transaction");
        }
        return (T) current.computeIfAbsent(key, k -> init.get());
    }

    /** True while the calling thread is inside {@link #inTransaction}. */
    public boolean inTransaction() {
        return afterCommit.get() != null;
    }

    /** Read-only work outside an explicit transaction (each statement auto-commits). */
    public <T> T read(Function<DSLContext, T> work) {
        try {
            return work.apply(dsl);
        } catch (DataAccessException e) {
            damagedOrNot(e);
            // A read binds typed values only, so a stored value that cannot be converted or decoded (jOOQ:
            // "Error while reading field") came from a damaged file, not from a mistake in the query.
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof java.sql.SQLException sql
                        && (sql.getErrorCode() == org.h2.api.ErrorCode.DATA_CONVERSION_ERROR_1
                        || String.valueOf(sql.getMessage()).startsWith("Error while reading field"))) {
                    throw new clinic.threshold.domain.common.DataDamagedException(e);
                }
            }
            throw e;
        }
    }

    /**
     * Read-only work over many rows (a report over years), on one connection. On H2 its statements run with lazy
     * execution: H2 otherwise builds a whole result, in a temporary file past its in-memory row limit, before handing
     * over the first row, which took most of a ten-year report's time (ADR 0026). The setting belongs to the
     * connection and is put back before the connection returns to the pool.
     */
    public <T> T readInBulk(Function<DSLContext, T> work) {
        if (dsl.dialect().family() != org.jooq.SQLDialect.H2) {
            return read(work);
        }
        return dsl.connectionResult(c -> {
            DSLContext one = dsl.configuration().derive(new org.jooq.impl.DefaultConnectionProvider(c)).dsl();
            one.execute("SET LAZY_QUERY_EXECUTION TRUE");
            T result;
            try {
                result = read(d -> work.apply(one));
            } catch (RuntimeException e) {
                // The work's own failure is the one to report (a damaged file says so), not a failed reset after it.
                try {
                    one.execute("SET LAZY_QUERY_EXECUTION FALSE");
                } catch (RuntimeException reset) {
                    e.addSuppressed(reset);
                }
                throw e;
            }
            one.execute("SET LAZY_QUERY_EXECUTION FALSE");
            return result;
        });
    }

    /** A corrupted page found after the file opened becomes the one exception the app explains as such. */
    private static void damagedOrNot(DataAccessException e) {
        // jOOQ may wrap H2's exception in SQLExceptions of its own: look at every one in the chain.
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && H2Errors.isDamageWhileOpen(sql)) {
                throw new clinic.threshold.domain.common.DataDamagedException(e);
            }
        }
    }
}
