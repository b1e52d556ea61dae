package clinic.threshold.app;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.FxTaskExecutor;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.main.SessionFlow;
import clinic.threshold.ui.main.WindowPlacement;
import clinic.threshold.ui.signin.DemoAccount;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application. The data folder is already open and locked (see {@link GuiStarter}). */
public final class ThresholdApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ThresholdApp.class);

    /** Set by {@link GuiStarter} before launch: JavaFX creates this class itself, so no constructor injection. */
    static AppContext context;

    private static volatile ThresholdApp finishing;

    private UiPreferences prefs;
    private FxTaskExecutor executor;
    private Stage stage;
    private SessionFlow flow;

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
        List<DemoAccount> demo = context.demo() ? DemoClinic.ACCOUNTS.stream()
                .map(a -> new DemoAccount(a.username(), a.password(), a.role())).toList() : List.of();
        flow = new SessionFlow(primaryStage, context.gate(), executor, prefs, context.clock(), demo);
        if (context.demoIncomplete()) {
            flow.startNotice(clinic.threshold.i18n.Messages.get("demo.incomplete", context.dataDir()));
        }
        if (context.demoPending()) {
            flow.demoBuilder(p -> {
                context.createDemo(p);
                return clinic.threshold.i18n.Messages.get("demo.building.done");
            });
        }
        flow.start();
        LOG.info("Window shown");
    }

    @Override
    public void stop() {
        // On the JavaFX thread: only note the window's place and stop taking work. Signing out, the file
        // write and the database close happen in finish(), on the launcher's thread.
        prefs.setBounds(WindowPlacement.boundsOf(stage));
        executor.stopAccepting();
        finishing = this;
    }

    /** Called by {@link GuiStarter} after the JavaFX application has ended, off the JavaFX thread. */
    static void finish() {
        ThresholdApp app = finishing;
        try {
            if (app != null) {
                app.executor.shutdown();
                app.prefs.save();
                ClinicServices open = app.flow.services();
                if (open != null) {
                    open.close();
                }
            }
        } finally {
            context.close();
        }
    }
}
