package clinic.threshold.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work immediately on the caller's thread: for ViewModel unit tests with fake services. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
