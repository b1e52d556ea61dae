package clinic.threshold.ui.common;

/** What the main window may ask of the session around it. */
public interface SessionActions {
    void lockNow();

    void signOut();

    void changePassword();
}
