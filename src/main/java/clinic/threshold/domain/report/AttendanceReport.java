package clinic.threshold.domain.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
    public record Visit(long patientId, String patient, LocalDate date, LocalTime start, Outcome outcome, Long cancelledHoursBefore) {
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
        Map<DayOfWeek, Tally> byDay = new EnumMap<>(DayOfWeek.class);
        Map<Integer, Tally> byHour = new TreeMap<>();
        // By the patient's id, not their name: two patients of the same name are two rows.
        Map<Long, Tally> byPatient = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Tally all = new Tally();
        for (Visit v : visits) {
            byDay.computeIfAbsent(v.date().getDayOfWeek(), k -> new Tally()).add(v, lateCancelHours);
            byHour.computeIfAbsent(v.start().getHour(), k -> new Tally()).add(v, lateCancelHours);
            byPatient.computeIfAbsent(v.patientId(), k -> new Tally()).add(v, lateCancelHours);
            names.putIfAbsent(v.patientId(), v.patient());
            all.add(v, lateCancelHours);
        }
        List<List<Object>> rows = new ArrayList<>();
        byDay.forEach((d, t) -> rows.add(t.row(WEEKDAY, d.name())));
        byHour.forEach((h, t) -> rows.add(t.row(HOUR, String.format(java.util.Locale.ROOT, "%02d:00", h))));
        byPatient.entrySet().stream().filter(e -> e.getValue().flagged() > 0)
                .sorted(Comparator.comparingInt((Map.Entry<Long, Tally> e) -> e.getValue().flagged()).reversed()
                        .thenComparing(e -> names.get(e.getKey()), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> rows.add(e.getValue().row(PATIENT, names.get(e.getKey()))));
        rows.add(all.row(ReportTable.TOTAL, ""));
        return new ReportResult(ReportId.ATTENDANCE, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("noShowPct", "lateCancelPct"), "dimension", WEEKDAY),
                List.of(new ReportResult.Note("report.note.attendance.scope", List.of(visits.size(), lateCancelHours))));
    }

    /** The counts of one row, added up visit by visit (ten years are 700,000 visits). */
    private static final class Tally {
        private int appointments;
        private int attended;
        private int noShows;
        private int cancelled;
        private int late;

        void add(Visit v, int lateCancelHours) {
            appointments++;
            switch (v.outcome()) {
                case ATTENDED -> attended++;
                case NO_SHOW -> noShows++;
                case CANCELLED -> {
                    cancelled++;
                    if (v.cancelledHoursBefore() != null && v.cancelledHoursBefore() < lateCancelHours) {
                        late++;
                    }
                }
            }
        }

        /** No-shows and late cancellations: what puts a patient on the list. */
        int flagged() {
            return noShows + late;
        }

        List<Object> row(String dimension, String value) {
            List<Object> row = new ArrayList<>();
            row.add(dimension);
            row.add(value);
            row.add(appointments);
            row.add(attended);
            row.add(noShows);
            row.add(Stats.percent(noShows, appointments));
            row.add(cancelled);
            row.add(late);
            row.add(Stats.percent(late, appointments));
            return row;
        }
    }
}
