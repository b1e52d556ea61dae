package clinic.threshold.cli;

import clinic.threshold.domain.history.AssessmentRules;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.history.TrdAssessor;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.history.AssessmentJson;
import clinic.threshold.service.history.HistoryFormatException;
import clinic.threshold.service.history.HistoryJson;
import clinic.threshold.service.history.SeedReference;
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
        PrintWriter err = spec.commandLine().getErr();
        String json = HistoryCommands.read(input);
        var formulary = SeedReference.formulary();
        HistoryDocument doc;
        try {
            doc = HistoryJson.read(json, formulary);
        } catch (HistoryFormatException e) {
            return HistoryCommands.problems(err, input, e.problems());
        }
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        var rules = AssessmentRules.from(clinic.threshold.domain.history.RuleSetting.inForce(SeedReference.rules(), date));
        var assessment = new TrdAssessor(formulary, rules).assess(doc.history(), date);
        PrintWriter out = spec.commandLine().getOut();
        out.print(AssessmentJson.write(doc.patient() == null ? null : doc.patient().mrn(), assessment, Messages::reason));
        out.flush();
        return 0;
    }
}
