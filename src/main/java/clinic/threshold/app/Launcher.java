package clinic.threshold.app;

import clinic.threshold.cli.ThresholdCommand;

/**
 * The process entry point (a plain class: launching the Application subclass directly fails with JavaFX on
 * the class path). No arguments start the desktop window; a sub-command runs without one.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        AppHooks hooks = new AppHooks();
        int code = (ThresholdCommand.startsDesktop(args) ? ThresholdCommand.desktopCommandLine(hooks)
                : ThresholdCommand.commandLine(hooks)).execute(args);
        System.exit(code);
    }
}
