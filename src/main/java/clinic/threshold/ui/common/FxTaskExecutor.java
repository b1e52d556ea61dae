package clinic.threshold.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background threads for work; results and errors delivered on the JavaFX thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final int THREADS = 2;

    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "threshold-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pool.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                if (!Expected.isExpected(e)) {
                    // Types and stack frames only: exception messages may carry patient data.
                    LOG.warn("Background task failed: {}", Expected.describeWithoutMessages(e));
                }
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** Refuses new work without waiting for running work (safe on the JavaFX thread). */
    public void stopAccepting() {
        pool.shutdown();
    }

    @Override
    public void shutdown() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
