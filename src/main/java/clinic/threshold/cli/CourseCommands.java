package clinic.threshold.cli;

import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.service.tms.CoursePlanJson;
import clinic.threshold.service.tms.TmsSeedReference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * "threshold plan-course" and "threshold protocols" (a contract: keep these names). Both read no database:
 * they use the shipped protocols and the default clinic calendar (Monday to Friday open), so an
 * administrator's edits in a clinic's database do not apply here.
 */
final class CourseCommands {
    /** The most sessions one plan may hold (a typing guard, as in the app). */
    private static final int MAX_SESSIONS = 200;

    private CourseCommands() {
    }

    @Command(name = "plan-course", mixinStandardHelpOptions = true,
            description = "Plan a TMS course on the default clinic calendar and print it as JSON.")
    static final class PlanCourse implements Callable<Integer> {
        @Option(names = "--protocol", required = true, paramLabel = "CODE", description = "Protocol code (see 'threshold protocols').")
        String protocol;

        @Option(names = "--start", required = true, paramLabel = "yyyy-MM-dd", description = "First day of the course.")
        LocalDate start;

        @Option(names = "--closures", paramLabel = "FILE", description = "Closed days: ISO dates, one per line.")
        Path closures;

        @Option(names = "--sessions", paramLabel = "N", description = "Sessions in the course (default: the protocol's acute plus taper).")
        Integer sessions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Protocol p = TmsSeedReference.protocols().stream().filter(x -> x.code().equalsIgnoreCase(protocol)).findFirst()
                    .orElseThrow(() -> new CliException("unknown protocol " + protocol + " (known: " + codes() + ")",
                            CliException.INVALID_INPUT));
            int total = sessions == null ? p.template().standardSessions() : sessions;
            if (total < 1 || total > MAX_SESSIONS) {
                throw new CliException("--sessions must be between 1 and " + MAX_SESSIONS, CliException.INVALID_INPUT);
            }
            Set<LocalDate> closed = closures == null ? Set.of() : readClosures(closures);
            List<PlannedSession> plan = new CoursePlanner(ClinicCalendar.weekdays(closed)).plan(p.template(), start, total);
            PrintWriter out = spec.commandLine().getOut();
            out.print(CoursePlanJson.write(p.code(), start, plan));
            out.flush();
            return 0;
        }

        private static Set<LocalDate> readClosures(Path file) {
            Set<LocalDate> out = new HashSet<>();
            String[] lines = HistoryCommands.read(file).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    out.add(LocalDate.parse(line));
                } catch (DateTimeParseException e) {
                    throw new CliException(file.getFileName() + " line " + (i + 1) + ": '" + line
                            + "' is not a date (yyyy-MM-dd)", CliException.INVALID_INPUT);
                }
            }
            return out;
        }
    }

    @Command(name = "protocols", mixinStandardHelpOptions = true,
            description = "List the TMS protocol codes with their names and standard course length.")
    static final class Protocols implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Protocol p : TmsSeedReference.protocols()) {
                out.println(p.code() + "\t" + p.name() + "\t" + p.template().standardSessions() + " sessions"
                        + (p.offLabel() ? "\toff-label or device-specific" : ""));
            }
            out.flush();
            return 0;
        }
    }

    private static String codes() {
        return TmsSeedReference.protocols().stream().map(Protocol::code).collect(Collectors.joining(", "));
    }
}
