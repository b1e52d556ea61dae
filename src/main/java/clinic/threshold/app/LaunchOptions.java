package clinic.threshold.app;

import java.nio.file.Path;

/**
 * What the command line chose: the data folder (null for the default), whether to open the demo clinic,
 * and whether an administrator allowed a data folder on a network share.
 */
public record LaunchOptions(Path dataDir, boolean demo, boolean allowNetworkFolder) {
    public LaunchOptions(Path dataDir, boolean demo) {
        this(dataDir, demo, false);
    }
}
