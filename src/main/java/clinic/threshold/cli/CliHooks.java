package clinic.threshold.cli;

import clinic.threshold.service.ClinicServices;
import java.nio.file.Path;

/** What the command line needs from the composition root, without depending on it. */
public interface CliHooks {

    /** Starts the desktop window and returns the process exit code when it closes. */
    int startGui(Path dataDir, boolean demo);

    /** Opens the clinic's services; throws {@link CliException} with a user-readable message on failure. */
    ClinicServices open(Path dataDir, boolean demo);
}
