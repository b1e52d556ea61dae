package clinic.threshold.app;

import java.nio.file.Path;

/** What the command line chose: the data folder (null for the default) and whether to open the demo clinic. */
public record LaunchOptions(Path dataDir, boolean demo) {
}
