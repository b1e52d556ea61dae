package clinic.threshold.bench;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;

/**
 * Runs the real application (its {@code Launcher}) in this process and says on standard output when the sign-in
 * window is showing ("SIGN_IN"), then signs in with the user and password it was given and says when the patient
 * list shows patients ("LIST"), then halts. {@link StartupBench} times those lines from outside.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    /** {@code args}: data folder, user, password, and optionally "sign-in-only" (exits normally at the sign-in window). */
    public static void main(String[] args) {
        boolean signInOnly = args.length > 3 && args[3].equals("sign-in-only");
        Thread watcher = new Thread(() -> watch(args[1], args[2], signInOnly), "startup-probe");
        watcher.setDaemon(true);
        watcher.start();
        clinic.threshold.app.Launcher.main(new String[] {"--data-dir", args[0]});
    }

    private static void watch(String user, String password, boolean signInOnly) {
        await(() -> find("#signInButton") != null);
        System.out.println("SIGN_IN");
        System.out.flush();
        if (signInOnly) {
            System.exit(0); // a normal exit, so that -XX:ArchiveClassesAtExit writes its archive
        }
        Platform.runLater(() -> {
            ((TextInputControl) find("#usernameField")).setText(user);
            ((TextInputControl) find("#passwordField")).setText(password);
            ((Button) find("#signInButton")).fire();
        });
        await(() -> find("#table") instanceof TableView<?> t && !t.getItems().isEmpty());
        System.out.println("LIST");
        System.out.flush();
        // Halted, not closed: closing the large clinic takes the day's verified backup (minutes) the first time, and
        // that is not start-up. The commit journal puts back what the file has not written yet (ADR 0011). (Halting
        // the same clinic a dozen times in a row once left it refused as damaged: see the issue 12 note.)
        Runtime.getRuntime().halt(0);
    }

    /** Asks the JavaFX thread every 5 ms until {@code condition} holds there (the toolkit may not be up yet). */
    private static void await(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            java.util.concurrent.CompletableFuture<Boolean> f = new java.util.concurrent.CompletableFuture<>();
            try {
                Platform.runLater(() -> f.complete(condition.getAsBoolean()));
                if (f.get(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the toolkit is not started yet
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // Say what the window shows instead (labels only: the benchmark clinic is synthetic).
        Platform.runLater(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    w.getScene().getRoot().lookupAll(".label").forEach(n -> System.out.println("shown: "
                            + ((javafx.scene.control.Labeled) n).getText()));
                }
            }
            System.out.println("TIMEOUT");
            System.out.flush();
            Runtime.getRuntime().halt(2);
        });
    }

    private static Node find(String selector) {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                Node n = w.getScene().getRoot().lookup(selector);
                if (n != null && n.isVisible()) {
                    return n;
                }
            }
        }
        return null;
    }
}
