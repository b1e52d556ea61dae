package clinic.threshold.ui.common;

import clinic.threshold.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a screen's FXML with the message bundle and a controller made by the caller, so that controllers
 * take their ViewModel through the constructor.
 */
public final class ViewLoader {
    private ViewLoader() {
    }

    /** Loads {@code <ControllerClass simple name minus "View">.fxml} beside the controller class. */
    public static Parent load(Object controller) {
        String name = controller.getClass().getSimpleName().replaceFirst("View$", "") + ".fxml";
        URL url = controller.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("Missing FXML " + name);
        }
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        loader.setControllerFactory(type -> {
            if (!type.isInstance(controller)) {
                throw new IllegalStateException("FXML " + name + " expects " + type.getName());
            }
            return controller;
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + name, e);
        }
    }
}
