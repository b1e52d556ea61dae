package clinic.threshold.domain.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Motor-threshold re-determination compliance (docs/reports.md, "MT compliance"): for each course started in the range,
 * the weeks with a session given (counted in 7-day blocks from the first session) and how many of them had a session
 * with the motor threshold measured; the share is the course's compliance. The total row pools every course's weeks.
 */
public final class MtComplianceReport {
    private MtComplianceReport() {
    }

    /** A given session: its day and whether the motor threshold was measured at it. */
    public record Session(LocalDate date, boolean mtMeasured) {
    }

    /** A started course with its sessions, oldest first. */
    public record Course(String patient, String protocol, LocalDate start, List<Session> sessions) {
        public Course {
            sessions = List.copyOf(sessions);
        }
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("patient", ReportTable.Kind.TEXT),
            new ReportTable.Column("protocol", ReportTable.Kind.TEXT),
            new ReportTable.Column("start", ReportTable.Kind.DATE),
            new ReportTable.Column("sessions", ReportTable.Kind.COUNT),
            new ReportTable.Column("weeks", ReportTable.Kind.COUNT),
            new ReportTable.Column("weeksWithMt", ReportTable.Kind.COUNT),
            new ReportTable.Column("mtCompliancePct", ReportTable.Kind.PERCENT));

    public static ReportResult compute(ReportParams params, List<Course> courses) {
        List<List<Object>> rows = new ArrayList<>();
        int allWeeks = 0;
        int allMt = 0;
        int sessions = 0;
        for (Course c : courses) {
            if (c.sessions().isEmpty()) {
                continue;
            }
            LocalDate first = c.sessions().get(0).date();
            Set<Long> weeks = new TreeSet<>();
            Set<Long> measured = new TreeSet<>();
            for (Session s : c.sessions()) {
                long week = ChronoUnit.DAYS.between(first, s.date()) / 7;
                weeks.add(week);
                if (s.mtMeasured()) {
                    measured.add(week);
                }
            }
            allWeeks += weeks.size();
            allMt += measured.size();
            sessions += c.sessions().size();
            rows.add(List.of(c.patient(), c.protocol(), c.start(), c.sessions().size(), weeks.size(), measured.size(),
                    Stats.percent(measured.size(), weeks.size())));
        }
        if (rows.size() > 1) {
            List<Object> total = new ArrayList<>();
            total.add(ReportTable.TOTAL);
            total.add("");
            total.add(null);
            total.add(sessions);
            total.add(allWeeks);
            total.add(allMt);
            total.add(Stats.percent(allMt, allWeeks));
            rows.add(total);
        }
        return new ReportResult(ReportId.MT_COMPLIANCE, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "patient", List.of("mtCompliancePct")),
                List.of(new ReportResult.Note("report.note.mt.scope", List.of(Math.max(0, rows.size() - (rows.size() > 1 ? 1 : 0))))));
    }
}
