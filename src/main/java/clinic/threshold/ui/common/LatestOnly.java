package clinic.threshold.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * For search as you type: many requests in flight, only the newest one's answer is shown. Older answers
 * that arrive late are dropped. Used on the JavaFX thread only.
 */
public final class LatestOnly {
    private final TaskExecutor executor;
    private long issued;

    public LatestOnly(TaskExecutor executor) {
        this.executor = executor;
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        long ticket = ++issued;
        executor.run(work, r -> {
            if (ticket == issued) {
                onSuccess.accept(r);
            }
        }, e -> {
            if (ticket == issued) {
                onFailure.accept(e);
            }
        });
    }
}
