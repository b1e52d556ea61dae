package clinic.threshold.cli;

import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.history.AssessmentJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * "threshold assess": the TRD assessment of a history file in the {@code threshold-history/1} format, printed
 * as JSON. It reads no database: the formulary and rules are the shipped defaults (an administrator's edits
 * in a clinic's database do not apply here). Exit 0 on success, 2 on invalid input with every problem on
 * standard error.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess treatment resistance from a history file (threshold-history/1) and print JSON.")
public final class AssessCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The history, as JSON.")
    Path input;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "Assessment date (default: today).")
    LocalDate asOf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        HistoryCommands.Assessed a = HistoryCommands.readAndAssess(input, date, spec.commandLine().getErr());
        if (a == null) {
            return 2;
        }
        HistoryDocument doc = a.document();
        var assessment = a.assessment();
        PrintWriter out = spec.commandLine().getOut();
        out.print(AssessmentJson.write(doc.patient() == null ? null : doc.patient().mrn(), assessment, Messages::reason));
        out.flush();
        return 0;
    }
}
