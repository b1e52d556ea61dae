package clinic.threshold.cli;

import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.common.Progress;
import clinic.threshold.service.ClinicServices;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * "threshold backup": take, list, verify and restore backups from a terminal or a scheduled task. Exit 5
 * when a backup fails verification. Restore works even when the database is damaged: the administrator's
 * password is checked against the backup itself.
 */
@Command(name = "backup", description = "Take, list, verify and restore backups.", mixinStandardHelpOptions = true)
public final class BackupCommand {
    @ParentCommand
    ThresholdCommand root;

    static String line(BackupInfo b) {
        return String.join("\t", b.fileName(), b.kind().name(), b.createdAt().toString(), Long.toString(b.sizeBytes()),
                b.status().name(), b.problem() == null ? "" : b.problem());
    }

    /** What every backup sub-command has: the parent, the sign-in options, and output helpers. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        BackupCommand parent;

        @Mixin
        SignInOptions signIn = new SignInOptions();

        @Spec
        CommandSpec spec;

        void print(String line) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }

        /** Progress steps on standard error, so that standard output stays the result alone. */
        java.util.function.Consumer<String> steps(String label) {
            PrintWriter err = spec.commandLine().getErr();
            return step -> {
                err.println(label + ": " + step);
                err.flush();
            };
        }
    }

    /** Takes a backup now (a verified file copy). */
    @Command(name = "create", description = "Take a backup now and verify it.", mixinStandardHelpOptions = true)
    static final class Create extends Sub {

        @Override
        public Integer call() {
            try (ClinicServices s = signIn.open(parent.root)) {
                BackupInfo b = s.backups().createNow(Progress.NONE);
                print(line(b));
                return b.good() ? 0 : CliException.CHECK_FAILED;
            }
        }
    }

    /** Lists backups, newest first: name, kind, time (UTC), bytes, status, problem (tab-separated). */
    @Command(name = "list", description = "List the backups, newest first.", mixinStandardHelpOptions = true)
    static final class ListBackups extends Sub {

        @Override
        public Integer call() {
            try (ClinicServices s = signIn.open(parent.root)) {
                PrintWriter out = spec.commandLine().getOut();
                s.backups().list().forEach(b -> out.println(line(b)));
                out.flush();
                return 0;
            }
        }
    }

    /** Verifies the named backups (all when none is named) by restoring each into a work folder. */
    @Command(name = "verify", description = "Verify backups by restoring them into a work folder.",
            mixinStandardHelpOptions = true)
    static final class Verify extends Sub {

        @Parameters(arity = "0..*", paramLabel = "NAME", description = "Backup file names (default: all).")
        List<String> names = new ArrayList<>();

        @Override
        public Integer call() {
            try (ClinicServices s = signIn.open(parent.root)) {
                List<String> which = names.isEmpty() ? s.backups().list().stream().map(BackupInfo::fileName).toList()
                        : names;
                PrintWriter out = spec.commandLine().getOut();
                boolean allGood = true;
                for (String n : which) {
                    BackupInfo b = s.backups().verify(n, Progress.NONE);
                    out.println(line(b));
                    allGood &= b.good();
                }
                out.flush();
                return allGood ? 0 : CliException.CHECK_FAILED;
            }
        }
    }

    /** Restores a backup over the data folder (the replaced files are kept aside). */
    @Command(name = "restore", description = "Restore a backup; the current files are kept aside, not deleted.",
            mixinStandardHelpOptions = true)
    static final class Restore extends Sub {

        @Parameters(arity = "0..1", paramLabel = "BACKUP",
                description = "A backup file, or a name in the backup folder.")
        String backup;

        @Option(names = "--latest", description = "Restore the newest verified backup.")
        boolean latest;

        @Override
        public Integer call() {
            if ((backup == null) == !latest) {
                throw new CliException("name one backup, or give --latest", CliException.INVALID_INPUT);
            }
            SignInOptions.Credentials c = signIn.credentials(parent.root);
            print(parent.root.hooks().restore(parent.root.dataDir, parent.root.demo, parent.root.allowNetworkFolder,
                    backup, c.user(), c.password(), steps("restore")));
            return 0;
        }
    }

    /** Rebuilds the database file from a verified dump; the old file is kept aside. */
    @Command(name = "compact", description = "Rebuild the database file from a verified dump (smaller file).",
            mixinStandardHelpOptions = true)
    static final class Compact extends Sub {

        @Override
        public Integer call() {
            SignInOptions.Credentials c = signIn.credentials(parent.root);
            print(parent.root.hooks().compact(parent.root.dataDir, parent.root.demo, parent.root.allowNetworkFolder,
                    c.user(), c.password(), steps("compact")));
            return 0;
        }
    }
}
