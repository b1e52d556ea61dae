package clinic.threshold.cli;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.HistoryDocument;
import clinic.threshold.domain.payer.FactsFromHistory;
import clinic.threshold.domain.payer.PatientFacts;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.ReadinessEvaluator;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.payer.PolicyJson;
import clinic.threshold.service.payer.ReadinessJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * "threshold readiness": a history file (threshold-history/1) against a payer policy (threshold-policy/1), criterion
 * by criterion, printed as JSON. Like {@code assess} it reads no database. Exit 0 on success, 2 on invalid input.
 */
@Command(name = "readiness", mixinStandardHelpOptions = true,
        description = "Check a history file against a payer policy file and print JSON.")
public final class ReadinessCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The history, as JSON (threshold-history/1).")
    Path input;

    @Option(names = "--policy-file", required = true, paramLabel = "FILE", description = "Policies, as JSON (threshold-policy/1).")
    Path policyFile;

    @Option(names = "--policy", paramLabel = "CODE", description = "Which policy of the file (needed when it holds several).")
    String policyCode;

    @Option(names = "--diagnosis", paramLabel = "ICD-10", description = "The primary diagnosis code (the history format has none).")
    String diagnosis;

    @Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "Evaluation date (default: today).")
    LocalDate asOf;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        HistoryCommands.Assessed read = HistoryCommands.readAndAssess(input, date, err);
        if (read == null) {
            return 2;
        }
        HistoryDocument doc = read.document();
        PayerPolicy policy;
        try (InputStream in = Files.newInputStream(policyFile)) {
            policy = choose(PolicyJson.read(in));
        } catch (ValidationException e) {
            e.violations().forEach(v -> err.println("threshold: " + policyFile + ": " + Messages.violationMessage(v)));
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("threshold: " + policyFile + ": " + Messages.get("payer.error.format", PolicyJson.FORMAT));
            err.flush();
            return 2;
        }
        var assessment = read.assessment();
        List<PatientFacts.Score> scores = doc.assessments().stream().map(ReadinessCommand::score)
                .filter(java.util.Objects::nonNull).toList();
        PatientFacts facts = FactsFromHistory.of(doc.history(), assessment, doc.patient() == null ? null : doc.patient().birthDate(),
                diagnosis, scores, Set.of(), null, null);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReadinessJson.write(ReadinessEvaluator.evaluate(policy, facts, date)));
        out.flush();
        return 0;
    }

    private PayerPolicy choose(List<PayerPolicy> policies) {
        String codes = policies.stream().map(PayerPolicy::code).collect(Collectors.joining(", "));
        if (policyCode == null) {
            if (policies.size() != 1) {
                throw new ValidationException(clinic.threshold.domain.common.Violation.of("policy", "payer.error.policyChoice",
                        policies.size(), codes));
            }
            return policies.get(0);
        }
        return policies.stream().filter(p -> p.code().equalsIgnoreCase(policyCode)).findFirst()
                .orElseThrow(() -> new ValidationException(clinic.threshold.domain.common.Violation.of("policy",
                        "payer.error.unknownPolicy", policyCode, codes)));
    }

    /** A result's total: as given, or scored from its items by the shipped scale (a file may give items alone). */
    private static PatientFacts.Score score(clinic.threshold.domain.history.HistoryDocument.ScaleResult a) {
        String code = FactsFromHistory.scaleCode(a.instrument());
        Integer total = a.total() != null ? Integer.valueOf(a.total().intValue())
                : a.items().isEmpty() ? null : clinic.threshold.service.history.SeedReference.scales().stream()
                        .filter(d -> d.code().equals(code) && d.items().size() == a.items().size()).findFirst()
                        .map(d -> d.total(a.items())).orElse(null);
        return total == null ? null : new PatientFacts.Score(code, total, a.date());
    }
}
