package clinic.threshold.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Fails any SQL statement run on the JavaFX thread: database work belongs on the TaskExecutor. JavaFX
 * swallows exceptions thrown in its event handlers, so every violation is also recorded for the test's
 * teardown to assert on.
 */
public final class FxThreadGuard implements ExecuteListener {
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    @Override
    public void start(ExecuteContext ctx) {
        // By name, so that the check never starts the JavaFX toolkit in tests without a UI.
        if ("JavaFX Application Thread".equals(Thread.currentThread().getName())) {
            VIOLATIONS.add(String.valueOf(ctx.sql()));
            throw new IllegalStateException("SQL on the JavaFX thread: " + ctx.sql());
        }
    }

    /** Violations since the last call, which clears them. */
    public static List<String> drain() {
        List<String> out = List.copyOf(VIOLATIONS);
        VIOLATIONS.clear();
        return out;
    }
}
