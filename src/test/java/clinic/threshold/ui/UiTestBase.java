package clinic.threshold.ui;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.ContextBoundServices;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.MutableClock;
import clinic.threshold.ui.main.SessionFlow;
import clinic.threshold.testing.FxThreadGuard;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real main window on a real clinic in a temporary folder, with real background threads and a
 * guard that fails any SQL on the JavaFX thread.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class UiTestBase {
    protected ContextBoundServices clinic;
    protected SessionFlow flow;
    /** The clock the whole clinic runs on; tests may move it (idle lock). */
    protected final MutableClock clock = new MutableClock(TestClinic.CLOCK.instant(), TestClinic.ZONE);
    protected FxTaskExecutor executor;
    protected Stage stage;
    protected UiPreferences prefs = new UiPreferences();
    /** How often the screens asked for the preferences to be written (the real store writes ui.properties). */
    protected final java.util.concurrent.atomic.AtomicInteger prefSaves = new java.util.concurrent.atomic.AtomicInteger();

    /** Call from the test class's own {@code @Start} method (TestFX looks for it on the test class only). */
    protected void startClinic(Stage stage) throws Exception {
        Path dir = clinicDir();
        this.stage = stage;
        prefs.setStore(prefSaves::incrementAndGet);
        // @Start runs on the JavaFX thread, where the guard forbids SQL: open and seed on another thread.
        clinic = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            ContextBoundServices c = TestClinic.open(dir, clock);
            seed(c);
            return c;
        }).get(60, TimeUnit.SECONDS);
        executor = new FxTaskExecutor();
        contextAtStart = clinic.context();
        flow = new SessionFlow(stage, clinic.context().gate(), executor, prefs, clock, java.util.List.of());
        if (savedFiles != null) {
            flow.dialogs(owner -> SavingDialogs.into(new clinic.threshold.ui.common.FxDialogService(owner), savedFiles));
        }
        flow.start();
        flow.enter(clinic);
    }

    private clinic.threshold.app.AppContext contextAtStart;

    /** The clinic's folder: a new empty one unless a test class brings its own (the benchmarks' large clinic). */
    protected Path clinicDir() throws java.io.IOException {
        return Files.createTempDirectory("threshold-ui");
    }

    /** When a test let the flow sign out (closing the services), the data folder's lock is still ours. */
    private void closeContextOnly() {
        if (contextAtStart != null) {
            contextAtStart.close();
        }
    }

    /**
     * Where "save as" puts files when a test class sets it (before {@link #startClinic}): the operating system's file
     * chooser cannot be driven headless, so the suggested name is saved in this folder instead.
     */
    protected Path savedFiles;

    /** Patients a test class wants present before the window opens. */
    protected void seed(ClinicServices clinic) {
    }

    @AfterEach
    void stop() throws TimeoutException {
        java.util.List<String> onFxThread = FxThreadGuard.drain();
        FxToolkit.cleanupStages();
        if (executor != null) {
            executor.shutdown();
        }
        if (clinic != null) {
            clinic.close();
        } else {
            closeContextOnly();
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), onFxThread, "SQL ran on the JavaFX thread");
    }

    /**
     * Ends a test that drives its own window and folder: closes the stages, the executor and the folder, and fails if
     * any database work ran on the JavaFX thread meanwhile.
     */
    public static void closeOwnWindow(FxTaskExecutor executor, AppContext context) throws TimeoutException {
        java.util.List<String> onFx = FxThreadGuard.drain();
        FxToolkit.cleanupStages();
        executor.shutdown();
        context.close();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), onFx);
    }

    public static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of a label or field, read on the JavaFX thread so a view being rebuilt cannot be caught half-way. */
    public static String text(FxRobot robot, String query) {
        return onFx(() -> {
            Node n = robot.lookup(query).query();
            if (n instanceof Labeled l) {
                return l.getText();
            }
            return ((TextInputControl) n).getText();
        });
    }

    /** Evaluates {@code read} on the JavaFX thread and waits for it. */
    public static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("could not read the UI on the JavaFX thread", e);
        }
    }

    /** The showing dialog whose header reads {@code header}, if any (looked up through the window list). */
    public static java.util.Optional<javafx.scene.control.DialogPane> dialog(String header) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                    .filter(javafx.stage.Window::isShowing)
                    .map(w -> w.getScene() == null ? null : w.getScene().getRoot())
                    .filter(r -> r instanceof javafx.scene.control.DialogPane p && header.equals(p.getHeaderText()))
                    .map(r -> (javafx.scene.control.DialogPane) r)
                    .findFirst()).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }
}
