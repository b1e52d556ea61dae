package clinic.threshold.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Applies the AtlantaFX theme; the app stylesheet only adds tokens and state classes on top. */
public final class Themes {
    public static final String APP_CSS = "/clinic/threshold/ui/app.css";

    private Themes() {
    }

    public static void apply(UiPreferences.Theme theme) {
        Application.setUserAgentStylesheet(theme == UiPreferences.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static String appStylesheet() {
        return Themes.class.getResource(APP_CSS).toExternalForm();
    }
}
