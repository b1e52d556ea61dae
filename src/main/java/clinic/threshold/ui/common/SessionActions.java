package clinic.threshold.ui.common;

/** What the main window may ask of the session around it. */
public interface SessionActions {
    void lockNow();

    void signOut();

    void changePassword();

    /**
     * Signs everyone out and restores {@code backup} as the signed-in administrator, whose password (as it
     * was when the backup was taken) is checked against the backup. Clears {@code password}.
     */
    void restoreBackup(java.nio.file.Path backup, char[] password);

    /** Signs everyone out and rebuilds the database file from a verified dump. Clears {@code password}. */
    void compactDatabase(char[] password);
}
