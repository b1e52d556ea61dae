package clinic.threshold.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs database and file work away from the JavaFX thread and hands the result back on it. ViewModels use
 * this for every service call; tests use {@link SameThreadTaskExecutor} to make it deterministic.
 */
public interface TaskExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Stops accepting work and lets running work finish. */
    void shutdown();
}
