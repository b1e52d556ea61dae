package clinic.threshold.app;

import clinic.threshold.cli.CliException;
import clinic.threshold.cli.CliHooks;
import clinic.threshold.service.ClinicServices;
import java.nio.file.Path;

/** Connects the command line to the composition root and the desktop window. */
final class AppHooks implements CliHooks {

    @Override
    public int startGui(Path dataDir, boolean demo) {
        return GuiStarter.run(new LaunchOptions(dataDir, demo));
    }

    @Override
    public ClinicServices open(Path dataDir, boolean demo) {
        try {
            return AppContext.open(new LaunchOptions(dataDir, demo));
        } catch (RuntimeException e) {
            throw new CliException(StartupErrors.describe(e), CliException.UNAVAILABLE);
        }
    }
}
