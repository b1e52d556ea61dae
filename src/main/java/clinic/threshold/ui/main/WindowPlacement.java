package clinic.threshold.ui.main;

import clinic.threshold.ui.common.UiPreferences;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Restores and remembers where the main window sits. */
public final class WindowPlacement {
    private static final double DEFAULT_WIDTH = 1200;
    private static final double DEFAULT_HEIGHT = 760;

    private WindowPlacement() {
    }

    /** Restores the last bounds when they still fit on a screen (a monitor may have been unplugged). */
    public static void place(Stage stage, UiPreferences.WindowBounds b) {
        if (b == null || Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty()) {
            stage.setWidth(DEFAULT_WIDTH);
            stage.setHeight(DEFAULT_HEIGHT);
            stage.centerOnScreen();
            return;
        }
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }

    public static UiPreferences.WindowBounds boundsOf(Stage stage) {
        return new UiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }
}
