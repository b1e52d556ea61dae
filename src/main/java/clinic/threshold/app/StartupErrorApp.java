package clinic.threshold.app;

import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** A window-less JavaFX application that shows one start-up error and exits. */
public final class StartupErrorApp extends Application {
    private static String message;

    static void show(String text) {
        message = text;
        try {
            Application.launch(StartupErrorApp.class);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // no display: the message is already on standard error
        }
    }

    @Override
    public void start(Stage stage) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setTitle(clinic.threshold.i18n.Messages.get("app.title"));
        alert.setHeaderText(clinic.threshold.i18n.Messages.get("startup.header"));
        alert.showAndWait();
    }
}
