package clinic.threshold.app;

import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.FxDialogService;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.Themes;
import clinic.threshold.ui.common.UiPreferences;
import clinic.threshold.ui.common.ViewLoader;
import clinic.threshold.ui.main.MainWindowView;
import clinic.threshold.ui.main.Screens;
import java.time.Clock;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Dresses a stage as the main window: theme, screens, shortcuts, and the remembered size and place. */
public final class MainStage {
    private MainStage() {
    }

    public static MainWindowView show(Stage stage, ClinicServices services, TaskExecutor executor,
                                      UiPreferences prefs, Clock clock) {
        Themes.apply(prefs.theme());
        Screens screens = new Screens(services, executor, new PatientEvents(), clock);
        MainWindowView view = new MainWindowView(screens.mainWindowViewModel(prefs), screens,
                new FxDialogService(() -> stage));
        Parent root = ViewLoader.load(view);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Themes.appStylesheet());
        view.installShortcuts(scene);
        stage.setScene(scene);
        stage.setTitle(services.demo() ? Messages.get("app.titleDemo") : Messages.get("app.title"));
        place(stage, prefs.bounds());
        stage.setOnCloseRequest(e -> {
            if (!view.mayClose()) {
                e.consume();
            }
        });
        stage.show();
        javafx.application.Platform.runLater(view::focusWorkArea);
        return view;
    }

    /** Restores the last bounds when they still fit on a screen (a monitor may have been unplugged). */
    private static void place(Stage stage, UiPreferences.WindowBounds b) {
        if (b == null || Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty()) {
            stage.setWidth(1200);
            stage.setHeight(760);
            stage.centerOnScreen();
            return;
        }
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }

    /** The stage's bounds, to remember for the next run. */
    public static UiPreferences.WindowBounds boundsOf(Stage stage) {
        return new UiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }
}
