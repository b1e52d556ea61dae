package clinic.threshold.domain.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attendance (docs/reports.md, "Attendance"): of the appointments due in the range (up to yesterday), how many were
 * attended, missed (no-show) or cancelled, and how many cancellations came late; by weekday, by hour of the day and by
 * patient (patients with a no-show or a late cancellation only, most first).
 */
public final class AttendanceReport {
    private AttendanceReport() {
    }

    /** An appointment as attendance sees it; {@code cancelledHoursBefore} is null unless it was cancelled. */
    public record Visit(String patient, LocalDate date, LocalTime start, Outcome outcome, Long cancelledHoursBefore) {
        public enum Outcome {
            ATTENDED, NO_SHOW, CANCELLED
        }
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("appointments", ReportTable.Kind.COUNT),
            new ReportTable.Column("attended", ReportTable.Kind.COUNT),
            new ReportTable.Column("noShows", ReportTable.Kind.COUNT),
            new ReportTable.Column("noShowPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("cancellations", ReportTable.Kind.COUNT),
            new ReportTable.Column("lateCancellations", ReportTable.Kind.COUNT),
            new ReportTable.Column("lateCancelPct", ReportTable.Kind.PERCENT));

    /** Dimension labels the table uses (worded by the formatter: report.dimension.KEY). */
    public static final String WEEKDAY = "weekday";
    public static final String HOUR = "hour";
    public static final String PATIENT = "patient";

    public static ReportResult compute(ReportParams params, List<Visit> visits, int lateCancelHours) {
        List<List<Object>> rows = new ArrayList<>();
        Map<DayOfWeek, List<Visit>> byDay = new TreeMap<>();
        Map<Integer, List<Visit>> byHour = new TreeMap<>();
        Map<String, List<Visit>> byPatient = new TreeMap<>();
        for (Visit v : visits) {
            byDay.computeIfAbsent(v.date().getDayOfWeek(), k -> new ArrayList<>()).add(v);
            byHour.computeIfAbsent(v.start().getHour(), k -> new ArrayList<>()).add(v);
            byPatient.computeIfAbsent(v.patient(), k -> new ArrayList<>()).add(v);
        }
        byDay.forEach((d, list) -> rows.add(row(WEEKDAY, d.name(), list, lateCancelHours)));
        byHour.forEach((h, list) -> rows.add(row(HOUR, String.format(java.util.Locale.ROOT, "%02d:00", h), list, lateCancelHours)));
        byPatient.entrySet().stream().map(e -> row(PATIENT, e.getKey(), e.getValue(), lateCancelHours))
                .filter(r -> (int) r.get(4) + (int) r.get(7) > 0)
                .sorted(Comparator.comparing((List<Object> r) -> (int) r.get(4) + (int) r.get(7)).reversed()
                        .thenComparing(r -> (String) r.get(1)))
                .forEach(rows::add);
        rows.add(row(ReportTable.TOTAL, "", visits, lateCancelHours));
        return new ReportResult(ReportId.ATTENDANCE, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("noShowPct", "lateCancelPct"), "dimension", WEEKDAY),
                List.of(new ReportResult.Note("report.note.attendance.scope", List.of(visits.size(), lateCancelHours))));
    }

    private static List<Object> row(String dimension, String value, List<Visit> list, int lateCancelHours) {
        long attended = list.stream().filter(v -> v.outcome() == Visit.Outcome.ATTENDED).count();
        long noShows = list.stream().filter(v -> v.outcome() == Visit.Outcome.NO_SHOW).count();
        long cancelled = list.stream().filter(v -> v.outcome() == Visit.Outcome.CANCELLED).count();
        long late = list.stream().filter(v -> v.outcome() == Visit.Outcome.CANCELLED && v.cancelledHoursBefore() != null
                && v.cancelledHoursBefore() < lateCancelHours).count();
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add(list.size());
        row.add((int) attended);
        row.add((int) noShows);
        row.add(Stats.percent(noShows, list.size()));
        row.add((int) cancelled);
        row.add((int) late);
        row.add(Stats.percent(late, list.size()));
        return row;
    }
}
