package clinic.threshold.domain.report;

import clinic.threshold.domain.outcome.Change;
import clinic.threshold.domain.outcome.CourseOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Response and remission per instrument (docs/reports.md, "Outcomes"): intent-to-treat over every started course with a
 * baseline on the instrument (no later score counts as neither), and completers (at least the rule's sessions, or a
 * responder) with a score after baseline; mean change from baseline; median sessions to first response. Broken down
 * by the chosen group (protocol by default).
 */
public final class OutcomesReport {
    private OutcomesReport() {
    }

    /** A started course: the group it falls in, the sessions given, and each instrument measured from its baseline. */
    public record Course(long courseId, String group, int delivered, List<CourseOutcome> outcomes) {
        public Course {
            outcomes = List.copyOf(outcomes);
        }
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("group", ReportTable.Kind.TEXT),
            new ReportTable.Column("instrument", ReportTable.Kind.TEXT),
            new ReportTable.Column("ittCourses", ReportTable.Kind.COUNT),
            new ReportTable.Column("ittResponsePct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("ittRemissionPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("completers", ReportTable.Kind.COUNT),
            new ReportTable.Column("completerResponsePct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("completerRemissionPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("meanChange", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("medianSessionsToResponse", ReportTable.Kind.DECIMAL));

    public static ReportResult compute(ReportParams params, List<Course> courses, int completerMinSessions) {
        Map<String, Map<String, List<Row>>> byGroup = new TreeMap<>();
        int withoutBaseline = 0;
        for (Course c : courses) {
            if (c.outcomes().isEmpty()) {
                withoutBaseline++;
            }
            for (CourseOutcome o : c.outcomes()) {
                byGroup.computeIfAbsent(c.group(), k -> new TreeMap<>()).computeIfAbsent(o.scale().name(), k -> new ArrayList<>())
                        .add(new Row(c, o));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byGroup.forEach((group, instruments) -> instruments.forEach((instrument, list) -> rows.add(row(group, instrument, list,
                completerMinSessions))));
        List<ReportResult.Note> notes = new ArrayList<>();
        notes.add(new ReportResult.Note("report.note.outcomes.scope", List.of(courses.size())));
        if (withoutBaseline > 0) {
            notes.add(new ReportResult.Note("report.note.outcomes.noBaseline", List.of(withoutBaseline)));
        }
        return new ReportResult(ReportId.OUTCOMES, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "group", List.of("ittResponsePct", "ittRemissionPct")), notes);
    }

    private record Row(Course course, CourseOutcome outcome) {
        boolean scored() {
            return outcome.result() != null;
        }

        boolean responder() {
            return scored() && outcome.result().change() == Change.RESPONSE;
        }

        boolean remitter() {
            return scored() && outcome.result().remission();
        }
    }

    private static List<Object> row(String group, String instrument, List<Row> list, int completerMinSessions) {
        int itt = list.size();
        long response = list.stream().filter(Row::responder).count();
        long remission = list.stream().filter(Row::remitter).count();
        List<Row> completers = list.stream().filter(Row::scored)
                .filter(r -> r.course().delivered() >= completerMinSessions || r.responder()).toList();
        long completerResponse = completers.stream().filter(Row::responder).count();
        long completerRemission = completers.stream().filter(Row::remitter).count();
        List<Integer> changes = list.stream().filter(Row::scored).map(r -> r.outcome().result().total() - r.outcome().result().baseline())
                .toList();
        List<Integer> toResponse = list.stream().filter(Row::responder).map(r -> r.outcome().firstResponseSession())
                .filter(java.util.Objects::nonNull).toList();
        List<Object> row = new ArrayList<>();
        row.add(group);
        row.add(instrument);
        row.add(itt);
        row.add(Stats.percent(response, itt));
        row.add(Stats.percent(remission, itt));
        row.add(completers.size());
        row.add(Stats.percent(completerResponse, completers.size()));
        row.add(Stats.percent(completerRemission, completers.size()));
        row.add(Stats.mean(changes));
        row.add(Stats.median(toResponse));
        return row;
    }
}
