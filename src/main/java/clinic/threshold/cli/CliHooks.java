package clinic.threshold.cli;

import clinic.threshold.service.ClinicServices;
import java.nio.file.Path;

/** What the command line needs from the composition root, without depending on it. */
public interface CliHooks {

    /** Starts the desktop window and returns the process exit code when it closes. */
    int startGui(Path dataDir, boolean demo, boolean allowNetworkFolder);

    /**
     * Signs {@code user} in to the clinic and returns their services; closing them signs out. Throws
     * {@link CliException} with a user-readable message on failure. Clears {@code password}.
     */
    ClinicServices open(Path dataDir, boolean demo, boolean allowNetworkFolder, String user, char[] password);

    /**
     * Sets a new password for {@code user} with the recovery key printed at setup. Throws {@link CliException}
     * on failure. Clears the three arrays.
     */
    void recover(Path dataDir, boolean demo, String user, char[] recoveryKey, char[] password, char[] confirm);

    /**
     * Restores {@code backup} (a path, a name in the backup folder, or null for the newest verified one) into
     * the data folder, as {@code user}, who must be an administrator in the backup. Returns a summary line.
     * Throws {@link CliException}. Clears {@code password}.
     */
    String restore(Path dataDir, boolean demo, boolean allowNetworkFolder, String backup, String user,
                   char[] password, java.util.function.Consumer<String> progress);

    /**
     * Rebuilds the database file from a verified dump (the old file kept aside), as {@code user}, an
     * administrator. Returns a summary line. Throws {@link CliException}. Clears {@code password}.
     */
    String compact(Path dataDir, boolean demo, boolean allowNetworkFolder, String user, char[] password,
                   java.util.function.Consumer<String> progress);

    /**
     * Generates a synthetic clinic of {@code patients} over {@code years} from {@code seed} in {@code dataDir} (null:
     * the demo folder), setting it up with the demo accounts when it is new. Returns a summary line. Throws
     * {@link CliException}, also when the clinic already has patients.
     */
    String demoData(Path dataDir, boolean allowNetworkFolder, int patients, int years, long seed,
                    java.util.function.Consumer<String> progress);

    /** In the demo clinic: the administrator account to use when no --user is given. */
    String[] demoAdmin();
}
