package clinic.threshold.cli;

import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.service.ClinicServices;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** "threshold patients": look up the registry without opening a window. */
@Command(name = "patients", description = "Search and count patients.", mixinStandardHelpOptions = true)
public final class PatientsCommand {
    @ParentCommand
    ThresholdCommand root;

    ClinicServices open(SignInOptions signIn) {
        return signIn.open(root);
    }

    /** Prints matching patients as tab-separated lines: MRN, family name, given name, birth date, status. */
    @Command(name = "search", description = "Find patients by name, MRN, date of birth or phone.",
            mixinStandardHelpOptions = true)
    static final class Search implements Callable<Integer> {
        static final int MAX_LIMIT = 10_000;

        @ParentCommand
        PatientsCommand parent;

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        SignInOptions signIn = new SignInOptions();

        @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Search words; each must match.")
        List<String> words;

        @Option(names = "--status", description = "Only this status: ${COMPLETION-CANDIDATES}.")
        PatientStatus status;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many rows (1-10000).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new CliException("--limit must be between 1 and " + MAX_LIMIT + ", was " + limit,
                        CliException.INVALID_INPUT);
            }
            PatientQuery q = new PatientQuery(String.join(" ", words),
                    status == null ? null : EnumSet.of(status), null, limit);
            try (ClinicServices s = parent.open(signIn)) {
                PrintWriter out = spec.commandLine().getOut();
                for (PatientSummary p : s.patients().search(q)) {
                    out.println(String.join("\t", p.mrn(), p.familyName(), p.givenName(),
                            p.birthDate().toString(), p.status().name()));
                }
                out.flush();
            }
            return 0;
        }
    }

    /** Prints the number of patients in the registry (voided ones excluded). */
    @Command(name = "count", description = "Count patients.", mixinStandardHelpOptions = true)
    static final class Count implements Callable<Integer> {
        @ParentCommand
        PatientsCommand parent;

        @picocli.CommandLine.Mixin
        SignInOptions signIn = new SignInOptions();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ClinicServices s = parent.open(signIn)) {
                spec.commandLine().getOut().println(s.patients().count());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
