package clinic.threshold.ui.common;

/**
 * Per-user screen preferences remembered between runs: theme and window placement. Held in memory here;
 * the application loads them before the window opens and saves them after it closes.
 */
public final class UiPreferences {
    public enum Theme { LIGHT, DARK }

    private Theme theme = Theme.LIGHT;
    private WindowBounds bounds;
    private Runnable store = () -> { };

    /** Sets how {@link #save()} writes the preferences (file work: call it off the JavaFX thread). */
    public void setStore(Runnable store) {
        this.store = store;
    }

    /** Writes the preferences now, so that a choice survives even a crash. */
    public void save() {
        store.run();
    }

    public Theme theme() {
        return theme;
    }

    public void setTheme(Theme theme) {
        this.theme = theme;
    }

    /** Last window bounds, or null for the first run (the window then centres itself). */
    public WindowBounds bounds() {
        return bounds;
    }

    public void setBounds(WindowBounds bounds) {
        this.bounds = bounds;
    }

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }
}
