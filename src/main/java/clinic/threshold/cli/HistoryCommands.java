package clinic.threshold.cli;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.service.history.HistoryJson;
import clinic.threshold.service.history.HistoryTransfer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** "threshold import" and "threshold export": a patient's treatment history in the threshold-history/1 format. */
final class HistoryCommands {
    private HistoryCommands() {
    }

    /** The file's text; a file that cannot be read is invalid input. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")",
                    CliException.INVALID_INPUT);
        }
    }

    /** A history file read and assessed with the shipped formulary and rules, as {@code assess} and {@code readiness} use it. */
    record Assessed(clinic.threshold.domain.history.HistoryDocument document, clinic.threshold.domain.history.TrdAssessment assessment) {
    }

    /** Reads and assesses {@code file}; on invalid input prints every problem and returns null. */
    static Assessed readAndAssess(Path file, java.time.LocalDate asOf, PrintWriter err) {
        var formulary = clinic.threshold.service.history.SeedReference.formulary();
        clinic.threshold.domain.history.HistoryDocument doc;
        try {
            doc = clinic.threshold.service.history.HistoryJson.read(read(file), formulary);
        } catch (clinic.threshold.service.history.HistoryFormatException e) {
            problems(err, file, e.problems());
            return null;
        }
        var rules = clinic.threshold.domain.history.AssessmentRules.from(clinic.threshold.domain.history.RuleSetting.inForce(
                clinic.threshold.service.history.SeedReference.rules(), asOf));
        return new Assessed(doc, new clinic.threshold.domain.history.TrdAssessor(formulary, rules).assess(doc.history(), asOf));
    }

    static int problems(PrintWriter err, Path file, List<Violation> problems) {
        for (Violation v : problems) {
            err.println("threshold: " + file.getFileName() + ": " + v.field() + ": " + Messages.violationMessage(v));
        }
        err.flush();
        return CliException.INVALID_INPUT;
    }

    /**
     * Imports patients' histories, each file all or nothing into an empty history. Many files (a clinic moving its
     * histories in) are committed in groups, not one commit each (docs/benchmarks.md).
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import patients' treatment histories (threshold-history/1); each file all or nothing.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ThresholdCommand root;

        @Mixin
        SignInOptions signIn = new SignInOptions();

        @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE|FOLDER",
                description = "The histories, as JSON, one patient per file; a folder imports its .json files in name order.")
        List<Path> given;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<Path> inputs = files(given); // every one readable before anything is imported
            PrintWriter out = spec.commandLine().getOut();
            int refused = 0;
            int imported = 0;
            try (ClinicServices s = signIn.open(root)) {
                for (int from = 0; from < inputs.size(); from += HistoryTransfer.BATCH) {
                    List<Path> group = inputs.subList(from, Math.min(inputs.size(), from + HistoryTransfer.BATCH));
                    List<HistoryTransfer.BatchResult> results = s.historyTransfer().importBatch(group.stream()
                            .map(f -> new HistoryTransfer.BatchFile(f.toString(), read(f))).toList());
                    for (int i = 0; i < results.size(); i++) {
                        HistoryTransfer.BatchResult r = results.get(i);
                        if (r.imported() == null) {
                            problems(spec.commandLine().getErr(), group.get(i), r.problems());
                            refused++;
                        } else {
                            imported++;
                            out.println("Imported " + r.imported().episodes() + " episode(s), " + r.imported().trials()
                                    + " trial(s) and " + r.imported().assessments() + " rating scale(s) for " + r.imported().mrn());
                        }
                    }
                    out.flush();
                }
            } finally {
                // Also when a later group fails (a file gone, the database): the groups before it are stored.
                if (inputs.size() > 1) {
                    out.println(imported + " of " + inputs.size() + " file(s) imported");
                    out.flush();
                }
            }
            return refused == 0 ? 0 : CliException.INVALID_INPUT;
        }
    }

    /**
     * The files named, a folder standing for the .json files directly in it, not hidden ones, in name order (by
     * character, the same on every system): a shell that does not expand {@code histories/*.json} (Windows) can
     * still name a whole folder.
     */
    static List<Path> files(List<Path> given) {
        // Each file once, also when named and in a folder named too (a second import of it would be refused).
        java.util.Set<Path> out = new java.util.LinkedHashSet<>();
        for (Path input : given) {
            if (Files.isDirectory(input)) {
                List<Path> json;
                try (var listed = Files.list(input)) {
                    // Not hidden files: "._a.json" is what macOS leaves beside a.json on shared drives.
                    json = listed.filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") && !Files.isDirectory(f);
                    }).sorted(java.util.Comparator.comparing(f -> f.getFileName().toString())).toList();
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    throw new CliException("cannot read " + input, CliException.INVALID_INPUT);
                }
                if (json.isEmpty()) {
                    throw new CliException(input + " holds no .json files", CliException.INVALID_INPUT);
                }
                json.forEach(f -> out.add(f.toAbsolutePath().normalize()));
            } else {
                out.add(input.toAbsolutePath().normalize());
            }
        }
        for (Path f : out) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new CliException("cannot read " + f, CliException.INVALID_INPUT);
            }
        }
        return List.copyOf(out);
    }

    /** Writes one patient's history to a file (replaced whole, never half-written). */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a patient's treatment history (threshold-history/1).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        ThresholdCommand root;

        @Mixin
        SignInOptions signIn = new SignInOptions();

        @Option(names = "--mrn", required = true, paramLabel = "MRN", description = "The patient's MRN.")
        String mrn;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the JSON.")
        Path output;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ClinicServices s = signIn.open(root)) {
                String json = HistoryJson.write(s.historyTransfer().export(mrn));
                Path tmp = output.resolveSibling(output.getFileName() + ".part");
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine().getOut().println("Exported the treatment history and rating scales of " + mrn + " to "
                        + output);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (ValidationException e) {
                return problems(spec.commandLine().getErr(), Path.of(mrn), e.violations());
            } catch (IOException e) {
                throw new CliException("cannot write " + output + " (" + e.getClass().getSimpleName() + ")",
                        CliException.UNAVAILABLE);
            }
        }
    }
}
