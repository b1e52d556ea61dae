package clinic.threshold.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The "threshold" command. With no sub-command it opens the desktop window; sub-commands work without one.
 * Exit codes: 0 success, 1 unexpected error, 2 invalid input, 3 data unavailable (in use, damaged, not
 * writable), 4 sign-in refused or permission missing, 5 a check found a problem.
 */
@Command(name = "threshold", mixinStandardHelpOptions = true, versionProvider = ThresholdCommand.Version.class,
        description = "Practice management for clinics that treat treatment-resistant depression.")
public final class ThresholdCommand implements Callable<Integer> {
    private final CliHooks hooks;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (default: $THRESHOLD_HOME, else the per-user data folder).")
    Path dataDir;

    @Option(names = "--allow-network-folder", scope = CommandLine.ScopeType.INHERIT,
            description = "Administrator override: open a data folder on a network share (not recommended).")
    boolean allowNetworkFolder;

    @Option(names = "--demo", scope = CommandLine.ScopeType.INHERIT,
            description = "Open the separate demo clinic, filled with synthetic patients.")
    boolean demo;

    public ThresholdCommand(CliHooks hooks) {
        this.hooks = hooks;
    }

    @Override
    public Integer call() {
        return hooks.startGui(dataDir, demo, allowNetworkFolder);
    }

    CliHooks hooks() {
        return hooks;
    }

    /**
     * Whether {@code args} only start the desktop window (no sub-command, no help or version): then the launcher
     * builds {@link #desktopCommandLine} alone. Building every sub-command's options took about 0.2 s of the launch
     * before the sign-in window (docs/benchmarks.md).
     */
    public static boolean startsDesktop(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                i++;
                // No value, or a sub-command's name where the value should be: the full command line says what is wrong.
                if (i >= args.length || args[i].startsWith("-") || args[i].startsWith("@") || SUBCOMMANDS.contains(args[i])) {
                    return false;
                }
            } else if (!a.startsWith("--") || a.equals("--help") || a.equals("--version")) {
                return false; // a sub-command's name, -h, -V, an @file, or anything the full command line should judge
            }
        }
        return true;
    }

    /** The sub-commands' names, as {@link #commandLine} adds them (DesktopStartTest checks they agree). */
    static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("patients", "recover", "assess", "readiness", "report",
            "demo-data", "migrate-to-postgres", "plan-course", "protocols", "import", "export", "audit", "backup");

    /** The command line of a desktop start: the root command's options, no sub-commands. */
    public static CommandLine desktopCommandLine(CliHooks hooks) {
        return withErrorHandling(new CommandLine(new ThresholdCommand(hooks)));
    }

    /** Builds the command line with every sub-command and the error handling all of them share. */
    public static CommandLine commandLine(CliHooks hooks) {
        ThresholdCommand root = new ThresholdCommand(hooks);
        CommandLine cl = new CommandLine(root);
        cl.addSubcommand("patients", new CommandLine(new PatientsCommand())
                .addSubcommand("search", new PatientsCommand.Search())
                .addSubcommand("count", new PatientsCommand.Count()));
        cl.addSubcommand("recover", new RecoverCommand());
        cl.addSubcommand("assess", new AssessCommand());
        cl.addSubcommand("readiness", new ReadinessCommand());
        cl.addSubcommand("report", new ReportCommand());
        cl.addSubcommand("demo-data", new DemoDataCommand());
        cl.addSubcommand("migrate-to-postgres", new MigrateToPostgresCommand());
        cl.addSubcommand("plan-course", new CourseCommands.PlanCourse());
        cl.addSubcommand("protocols", new CourseCommands.Protocols());
        cl.addSubcommand("import", new HistoryCommands.Import());
        cl.addSubcommand("export", new HistoryCommands.Export());
        cl.addSubcommand("audit", new CommandLine(new AuditCommand())
                .addSubcommand("verify", new AuditCommand.Verify()));
        cl.addSubcommand("backup", new CommandLine(new BackupCommand())
                .addSubcommand("create", new BackupCommand.Create())
                .addSubcommand("list", new BackupCommand.ListBackups())
                .addSubcommand("verify", new BackupCommand.Verify())
                .addSubcommand("restore", new BackupCommand.Restore())
                .addSubcommand("compact", new BackupCommand.Compact()));
        return withErrorHandling(cl);
    }

    private static CommandLine withErrorHandling(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof CliException c) {
                line.getErr().println("threshold: " + c.getMessage());
                return c.exitCode();
            }
            if (ex instanceof clinic.threshold.domain.common.DataDamagedException) {
                line.getErr().println("threshold: the clinic database file is damaged; restore it from a backup");
                return CliException.UNAVAILABLE;
            }
            if (ex instanceof clinic.threshold.service.backup.BackupException b) {
                line.getErr().println("threshold: " + b.getMessage());
                return CliException.UNAVAILABLE;
            }
            if (ex instanceof clinic.threshold.domain.common.AccessDeniedException a) {
                line.getErr().println("threshold: your role does not allow this (" + a.permission() + ")");
                return CliException.ACCESS_DENIED;
            }
            line.getErr().println("threshold: unexpected error (" + ex.getClass().getSimpleName() + ")");
            return 1;
        });
        return cl;
    }

    /** Prints "Threshold VERSION". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ThresholdCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Threshold " + (v == null ? "development" : v)};
        }
    }
}
