package clinic.threshold.cli;

import clinic.threshold.service.ClinicServices;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** "threshold audit": checks on the audit trail. */
@Command(name = "audit", description = "Audit trail tools.", mixinStandardHelpOptions = true)
public final class AuditCommand {
    @ParentCommand
    ThresholdCommand root;

    /** Walks the hash chain; exits 5 naming the first broken event. */
    @Command(name = "verify", description = "Verify the audit trail's hash chain.", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand parent;

        @Mixin
        SignInOptions signIn = new SignInOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ClinicServices s = signIn.open(parent.root)) {
                var r = s.audit().verify(n -> { });
                if (r.intact()) {
                    spec.commandLine().getOut().println("Audit trail intact: " + r.eventsChecked() + " events");
                    spec.commandLine().getOut().flush();
                    return 0;
                }
                spec.commandLine().getErr().println("threshold: audit trail broken at event " + r.firstBadSeq()
                        + ": " + r.problem());
                return CliException.CHECK_FAILED;
            }
        }
    }
}
