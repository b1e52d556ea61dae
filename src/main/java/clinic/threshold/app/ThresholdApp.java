package clinic.threshold.app;

import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application. The clinic is already open (see {@link GuiStarter}); this shows it. */
public final class ThresholdApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdApp.class);

    /** Set by {@link GuiStarter} before launch: JavaFX creates this class itself, so no constructor injection. */
    static AppContext context;

    private UiPreferences prefs;
    private FxTaskExecutor executor;
    private Stage stage;

    @Override
    public void init() {
        // Runs on the launcher thread, not the JavaFX thread: file work is allowed here.
        prefs = UiSettingsStore.load(context.baseDir());
        prefs.setStore(() -> UiSettingsStore.save(context.baseDir(), prefs));
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        executor = new FxTaskExecutor();
        MainStage.show(primaryStage, context, executor, prefs, context.clock());
        LOG.info("Main window shown");
    }

    @Override
    public void stop() {
        // On the JavaFX thread: only note the window's place and stop taking work. The waiting, the file
        // write and the database close happen in finish(), on the launcher's thread.
        prefs.setBounds(MainStage.boundsOf(stage));
        executor.stopAccepting();
        finishing = this;
    }

    private static volatile ThresholdApp finishing;

    /** Called by {@link GuiStarter} after the JavaFX application has ended, off the JavaFX thread. */
    static void finish() {
        ThresholdApp app = finishing;
        if (app != null) {
            app.executor.shutdown();
            app.prefs.save();
        }
        context.close();
    }
}
