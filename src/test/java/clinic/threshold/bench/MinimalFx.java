package clinic.threshold.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor for start-up: a JavaFX program that opens one window with one label and says "SHOWN" when it is
 * showing, on the same JVM and flags as the application.
 */
public final class MinimalFx extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Threshold"), 400, 300));
        stage.setOnShown(e -> Platform.runLater(() -> {
            System.out.println("SHOWN");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }));
        stage.show();
    }

    /** Launched through a plain class, as the application is (JavaFX on the class path). */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(MinimalFx.class, args);
        }
    }
}
