package clinic.threshold.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measurement-based care (docs/reports.md, "Measurement-based care"): of the assessments the courses' schedules asked
 * for whose day has passed, how many were done on time, are overdue, or were missed; and the suicide-risk alerts
 * (PHQ-9 item 9 and its equivalents) raised during those courses, how many a clinician reviewed and how soon.
 */
public final class MeasurementCareReport {
    private MeasurementCareReport() {
    }

    /** One point of a course's assessment schedule by its kind code and status code (DONE, LATE, DUE, OVERDUE, MISSED, UPCOMING). */
    public record Point(String kind, String status) {
    }

    /** A suicide-risk alert: which, when it was raised and, once reviewed, when. */
    public record Alert(long id, Instant raisedAt, Instant reviewedAt) {
    }

    /** A course with its protocol, its schedule's points and the alerts raised while it ran. */
    public record Course(String protocol, String scale, List<Point> points, List<Alert> alerts) {
        public Course {
            points = List.copyOf(points);
            alerts = List.copyOf(alerts);
        }
    }

    public static final String KIND = "point";
    public static final String PROTOCOL = "protocol";
    public static final String DONE = "DONE";
    public static final String LATE = "LATE";
    public static final String OVERDUE = "OVERDUE";
    public static final String MISSED = "MISSED";

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("assessmentsDue", ReportTable.Kind.COUNT),
            new ReportTable.Column("doneOnTime", ReportTable.Kind.COUNT),
            new ReportTable.Column("overdue", ReportTable.Kind.COUNT),
            new ReportTable.Column("missed", ReportTable.Kind.COUNT),
            new ReportTable.Column("doneLate", ReportTable.Kind.COUNT),
            new ReportTable.Column("onTimePct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("riskAlerts", ReportTable.Kind.COUNT),
            new ReportTable.Column("alertsReviewed", ReportTable.Kind.COUNT),
            new ReportTable.Column("alertsOpen", ReportTable.Kind.COUNT),
            new ReportTable.Column("medianHoursToReview", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("longestHoursToReview", ReportTable.Kind.DECIMAL));

    /** @param kinds the schedule's point kinds in order, each shown even when no course asked for it */
    public static ReportResult compute(ReportParams params, List<String> kinds, List<Course> courses) {
        Map<String, List<Point>> byKind = new LinkedHashMap<>();
        kinds.forEach(k -> byKind.put(k, new ArrayList<>()));
        Map<String, List<Course>> byProtocol = new TreeMap<>();
        List<Point> allPoints = new ArrayList<>();
        List<Alert> allAlerts = new ArrayList<>();
        for (Course c : courses) {
            c.points().forEach(p -> byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
            byProtocol.computeIfAbsent(c.protocol() + " (" + c.scale() + ")", k -> new ArrayList<>()).add(c);
            allPoints.addAll(c.points());
            allAlerts.addAll(c.alerts());
        }
        List<List<Object>> rows = new ArrayList<>();
        byKind.forEach((k, points) -> rows.add(row(KIND, k, points, null)));
        byProtocol.forEach((p, list) -> rows.add(row(PROTOCOL, p, list.stream().flatMap(c -> c.points().stream()).toList(),
                list.stream().flatMap(c -> c.alerts().stream()).toList())));
        rows.add(row(ReportTable.TOTAL, "", allPoints, allAlerts));
        return new ReportResult(ReportId.MEASUREMENT_BASED_CARE, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("onTimePct"), "dimension", KIND),
                List.of(new ReportResult.Note("report.note.mbc.scope", List.of(courses.size()))));
    }

    /** {@code alerts} null for a row the alerts do not break down by (a schedule point kind). */
    private static List<Object> row(String dimension, String value, List<Point> points, List<Alert> alerts) {
        int done = count(points, DONE);
        int overdue = count(points, OVERDUE);
        int missed = count(points, MISSED);
        int late = count(points, LATE);
        int due = done + late + overdue + missed;
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add(due);
        row.add(done);
        row.add(overdue);
        row.add(missed);
        row.add(late);
        row.add(Stats.percent(done, due));
        if (alerts == null) {
            for (int i = 0; i < 5; i++) {
                row.add(null);
            }
            return row;
        }
        // Two courses of one patient can both span an alert: it counts once in a row that holds both.
        alerts = List.copyOf(alerts.stream().collect(java.util.stream.Collectors.toMap(Alert::id, a -> a, (a, b) -> a,
                java.util.LinkedHashMap::new)).values());
        List<Long> minutes = alerts.stream().filter(a -> a.reviewedAt() != null)
                .map(a -> Duration.between(a.raisedAt(), a.reviewedAt()).toMinutes()).sorted().toList();
        row.add(alerts.size());
        row.add(minutes.size());
        row.add(alerts.size() - minutes.size());
        row.add(medianHours(minutes));
        row.add(minutes.isEmpty() ? null : hours(minutes.get(minutes.size() - 1)));
        return row;
    }

    private static int count(List<Point> points, String status) {
        return (int) points.stream().filter(p -> p.status().equals(status)).count();
    }

    private static BigDecimal medianHours(List<Long> sortedMinutes) {
        int n = sortedMinutes.size();
        if (n == 0) {
            return null;
        }
        long twice = n % 2 == 1 ? 2 * sortedMinutes.get(n / 2) : sortedMinutes.get(n / 2 - 1) + sortedMinutes.get(n / 2);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(120), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
