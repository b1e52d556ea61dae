package clinic.threshold.domain.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Course completion and dropout (docs/reports.md, "Completion"): of the courses started in the range, how many reached
 * the sessions planned at the start (acute and taper), how many stopped short, how many still run; sessions given per
 * ended course; courses extended beyond the plan; retreatment courses. Broken down by the chosen group.
 */
public final class CompletionReport {
    private CompletionReport() {
    }

    /** A started course: its group, how it stands, sessions given, planned now and planned at the start, and its type. */
    public record Course(String group, Status status, int delivered, int planned, int plannedAtStart, boolean retreatment) {
        public enum Status {
            RUNNING, COMPLETED, STOPPED
        }

        boolean completed() {
            return delivered >= plannedAtStart;
        }

        boolean running() {
            return !completed() && status == Status.RUNNING;
        }

        boolean droppedOut() {
            return !completed() && status != Status.RUNNING;
        }
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("group", ReportTable.Kind.TEXT),
            new ReportTable.Column("started", ReportTable.Kind.COUNT),
            new ReportTable.Column("completed", ReportTable.Kind.COUNT),
            new ReportTable.Column("completionPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("droppedOut", ReportTable.Kind.COUNT),
            new ReportTable.Column("dropoutPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("running", ReportTable.Kind.COUNT),
            new ReportTable.Column("meanSessions", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("medianSessions", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("extended", ReportTable.Kind.COUNT),
            new ReportTable.Column("extendedPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("retreatments", ReportTable.Kind.COUNT));

    public static ReportResult compute(ReportParams params, List<Course> courses) {
        Map<String, List<Course>> byGroup = new TreeMap<>();
        courses.forEach(c -> byGroup.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c));
        List<List<Object>> rows = new ArrayList<>();
        byGroup.forEach((group, list) -> rows.add(row(group, list)));
        if (byGroup.size() > 1) {
            rows.add(row(ReportTable.TOTAL, courses));
        }
        return new ReportResult(ReportId.COMPLETION, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "group", List.of("completionPct", "dropoutPct")),
                List.of(new ReportResult.Note("report.note.completion.scope", List.of(courses.size()))));
    }

    private static List<Object> row(String group, List<Course> list) {
        long completed = list.stream().filter(Course::completed).count();
        long dropped = list.stream().filter(Course::droppedOut).count();
        long running = list.stream().filter(Course::running).count();
        List<Integer> ended = list.stream().filter(c -> !c.running()).map(Course::delivered).toList();
        long extended = list.stream().filter(c -> c.planned() > c.plannedAtStart()).count();
        long retreatments = list.stream().filter(Course::retreatment).count();
        List<Object> row = new ArrayList<>();
        row.add(group);
        row.add(list.size());
        row.add((int) completed);
        row.add(Stats.percent(completed, list.size()));
        row.add((int) dropped);
        row.add(Stats.percent(dropped, list.size()));
        row.add((int) running);
        row.add(Stats.mean(ended));
        row.add(Stats.median(ended));
        row.add((int) extended);
        row.add(Stats.percent(extended, list.size()));
        row.add((int) retreatments);
        return row;
    }
}
