package clinic.threshold.app;

import java.awt.GraphicsEnvironment;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the clinic before any window exists (data folder, single-instance lock, migrations), then hands it
 * to the JavaFX application. A failure is explained on standard error and, where there is a screen, in a
 * dialog; the process then exits with code 3 and nothing was changed.
 */
final class GuiStarter {
    private static final Logger LOG = LoggerFactory.getLogger(GuiStarter.class);
    /** Set to false to skip the error dialog (tests that start a second instance headless). */
    static final String ERROR_DIALOG_PROPERTY = "threshold.errorDialog";

    private GuiStarter() {
    }

    static int run(LaunchOptions options) {
        AppContext ctx;
        try {
            ctx = AppContext.open(options);
        } catch (RuntimeException e) {
            String message = StartupErrors.describe(e);
            LOG.warn("Start-up refused: {}", e.getClass().getSimpleName());
            System.err.println("threshold: " + message);
            if (Boolean.parseBoolean(System.getProperty(ERROR_DIALOG_PROPERTY, "true"))
                    && !GraphicsEnvironment.isHeadless()) {
                StartupErrorApp.show(message);
            }
            return 3;
        }
        ThresholdApp.context = ctx;
        try {
            Application.launch(ThresholdApp.class);
        } finally {
            ThresholdApp.finish();
        }
        return 0;
    }
}
