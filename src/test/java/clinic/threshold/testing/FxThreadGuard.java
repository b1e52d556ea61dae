package clinic.threshold.testing;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/** Fails any SQL statement run on the JavaFX thread: database work belongs on the TaskExecutor. */
public final class FxThreadGuard implements ExecuteListener {
    @Override
    public void start(ExecuteContext ctx) {
        // By name, so that the check never starts the JavaFX toolkit in tests without a UI.
        if ("JavaFX Application Thread".equals(Thread.currentThread().getName())) {
            throw new IllegalStateException("SQL on the JavaFX thread: " + ctx.sql());
        }
    }
}
