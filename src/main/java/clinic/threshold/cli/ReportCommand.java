package clinic.threshold.cli;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.report.Progress;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * "threshold report NAME": runs a report for scheduled exports, as CSV or JSON on standard output or a file, or PDF to
 * a file. The same permissions as the screen; the run and the export are audited. Exit 2 on a bad name or range.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Run a report and export it (CSV, JSON or PDF).")
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    ThresholdCommand root;

    @Mixin
    SignInOptions signIn = new SignInOptions();

    @Parameters(index = "0", paramLabel = "NAME", description = "The report: ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
    String name;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", description = "First day of the range.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", description = "Last day of the range.")
    LocalDate to;

    @Option(names = "--format", paramLabel = "csv|pdf|json", description = "Output format (default: csv).")
    String format = "csv";

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output (needed for pdf).")
    Path output;

    @Option(names = "--group-by", paramLabel = "protocol|device|technician|payer", description = "Break the figures down by.")
    String groupBy;

    @Option(names = "--protocol", paramLabel = "CODE", description = "Only courses of this protocol.")
    String protocol;

    @Option(names = "--payer", paramLabel = "ID", description = "Only patients of this payer (its registry id).")
    Integer payer;

    @Option(names = "--chair", paramLabel = "ID", description = "Only this chair (utilisation, attendance).")
    Long chair;

    @Option(names = "--technician", paramLabel = "NAME", description = "Only sessions this technician gave.")
    String technician;

    @Option(names = "--clinician", paramLabel = "USERNAME", description = "Only this clinician's patients.")
    String clinician;

    @Spec
    CommandSpec spec;

    /** Report names for the help text and shell completion. */
    static final class Names extends java.util.ArrayList<String> {
        Names() {
            super(Arrays.stream(ReportId.values()).map(ReportId::cliName).toList());
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReportId id = ReportId.ofCliName(name).orElse(null);
        if (id == null) {
            err.println("threshold: no report " + name + " (" + String.join(", ", new Names()) + ")");
            return 2;
        }
        String f = format.toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json") && !f.equals("pdf")) {
            err.println("threshold: --format must be csv, pdf or json");
            return 2;
        }
        if (f.equals("pdf") && output == null) {
            err.println("threshold: a PDF needs --output FILE");
            return 2;
        }
        ReportParams.GroupBy by = null;
        if (groupBy != null) {
            by = Arrays.stream(ReportParams.GroupBy.values()).filter(g -> g.name().equalsIgnoreCase(groupBy)).findFirst().orElse(null);
            if (by == null) {
                err.println("threshold: --group-by must be one of " + Arrays.stream(ReportParams.GroupBy.values())
                        .map(g -> g.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", ")));
                return 2;
            }
        }
        // A filter the report does not offer is dropped by the service (and left out of what it prints).
        ReportParams params = new ReportParams(from, to, protocol, chair, technician, clinician, payer, by);
        try (ClinicServices s = signIn.open(root)) {
            ReportResult r = s.reports().run(id, params, Progress.NONE);
            byte[] bytes = switch (f) {
                case "pdf" -> s.reports().pdf(r);
                case "json" -> s.reports().json(r);
                default -> s.reports().csv(r);
            };
            if (output != null) {
                Files.write(output, bytes);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(new String(bytes, StandardCharsets.UTF_8));
                out.flush();
            }
            return 0;
        } catch (ValidationException e) {
            e.violations().forEach(v -> err.println("threshold: " + Messages.violationMessage(v)));
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("threshold: cannot write " + output + ": " + e.getMessage());
            return CliException.UNAVAILABLE;
        }
    }
}
