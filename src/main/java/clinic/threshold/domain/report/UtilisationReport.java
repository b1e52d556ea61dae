package clinic.threshold.domain.report;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.TimeRange;
import clinic.threshold.domain.schedule.WeeklyHours;
import clinic.threshold.domain.tms.ClinicCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chair utilisation (docs/reports.md, "Chair utilisation"): the minutes each chair was open (its hours, or the clinic's,
 * on open days, while in service and not out of service) against the minutes booked on it (every TMS appointment not
 * cancelled) and delivered (sessions given); by chair, by weekday, by hour of the day and by day.
 */
public final class UtilisationReport {
    private UtilisationReport() {
    }

    /** A chair with the weekly hours it keeps (its own, or the clinic's) and whether it is in service. */
    public record ChairHours(long id, String name, WeeklyHours hours, boolean active) {
    }

    /** An appointment holding a chair: when, how long, and whether the session was given. */
    public record Use(long chairId, LocalDate day, LocalTime start, int minutes, boolean delivered) {
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("availableMinutes", ReportTable.Kind.COUNT),
            new ReportTable.Column("bookedMinutes", ReportTable.Kind.COUNT),
            new ReportTable.Column("bookedPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("deliveredMinutes", ReportTable.Kind.COUNT),
            new ReportTable.Column("deliveredPct", ReportTable.Kind.PERCENT));

    public static final String CHAIR = "chair";
    public static final String WEEKDAY = "weekday";
    public static final String HOUR = "hour";
    public static final String DAY = "day";

    /** Available, booked and delivered minutes of one breakdown cell. */
    private static final class Minutes {
        long available;
        long booked;
        long delivered;

        void add(long bookedMinutes, long deliveredMinutes) {
            booked += bookedMinutes;
            delivered += deliveredMinutes;
        }
    }

    /** {@code from} and {@code to} are the days counted, inclusive (the loader resolves an open range). */
    public static ReportResult compute(ReportParams params, LocalDate from, LocalDate to, List<ChairHours> chairs,
            ClinicCalendar calendar, List<Absence> absences, List<Use> uses) {
        Map<Long, Minutes> byChair = new LinkedHashMap<>();
        chairs.forEach(c -> byChair.put(c.id(), new Minutes()));
        Map<DayOfWeek, Minutes> byWeekday = new EnumMap<>(DayOfWeek.class);
        Map<Integer, Minutes> byHour = new TreeMap<>();
        // Looked up once per appointment (700,000 over ten years); put in day order for the table.
        Map<LocalDate, Minutes> byDay = new HashMap<>();
        Minutes all = new Minutes();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isOpen(d)) {
                continue;
            }
            for (ChairHours c : chairs) {
                if (!c.active() || outOfService(absences, c.id(), d)) {
                    continue;
                }
                for (TimeRange r : c.hours().on(d.getDayOfWeek())) {
                    long m = minutes(r.from(), r.to());
                    byChair.get(c.id()).available += m;
                    cell(byWeekday, d.getDayOfWeek()).available += m;
                    cell(byDay, d).available += m;
                    all.available += m;
                    spread(byHour, r.from(), r.to(), (cell, part) -> cell.available += part);
                }
            }
        }
        for (Use u : uses) {
            if (u.day().isBefore(from) || u.day().isAfter(to) || !byChair.containsKey(u.chairId())) {
                continue;
            }
            int delivered = u.delivered() ? u.minutes() : 0;
            byChair.get(u.chairId()).add(u.minutes(), delivered);
            cell(byWeekday, u.day().getDayOfWeek()).add(u.minutes(), delivered);
            cell(byDay, u.day()).add(u.minutes(), delivered);
            all.add(u.minutes(), delivered);
            LocalTime end = u.start().plusMinutes(u.minutes());
            spread(byHour, u.start(), end.isBefore(u.start()) ? LocalTime.MAX : end, (cell, part) -> {
                cell.booked += part;
                cell.delivered += u.delivered() ? part : 0;
            });
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ChairHours c : chairs) {
            rows.add(row(CHAIR, c.name(), byChair.get(c.id())));
        }
        byWeekday.forEach((d, m) -> rows.add(row(WEEKDAY, d.name(), m)));
        byHour.forEach((h, m) -> rows.add(row(HOUR, String.format(Locale.ROOT, "%02d:00", h), m)));
        new TreeMap<>(byDay).forEach((d, m) -> rows.add(row(DAY, d.toString(), m)));
        rows.add(row(ReportTable.TOTAL, "", all));
        return new ReportResult(ReportId.UTILISATION, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("bookedPct", "deliveredPct"), "dimension", HOUR),
                List.of(new ReportResult.Note("report.note.utilisation.scope", List.of(from.toString(), to.toString(), chairs.size()))));
    }

    private static boolean outOfService(List<Absence> absences, long chair, LocalDate d) {
        return absences.stream().anyMatch(a -> a.covers(Absence.Kind.CHAIR, chair, d));
    }

    private static <K> Minutes cell(Map<K, Minutes> m, K key) {
        return m.computeIfAbsent(key, k -> new Minutes());
    }

    private interface Add {
        void add(Minutes cell, long minutes);
    }

    /** Shares the minutes from {@code start} to {@code end} out over the hours of the day they fall in. */
    private static void spread(Map<Integer, Minutes> byHour, LocalTime start, LocalTime end, Add add) {
        for (int h = start.getHour(); h <= 23; h++) {
            LocalTime hourStart = LocalTime.of(h, 0);
            LocalTime hourEnd = h == 23 ? LocalTime.MAX : LocalTime.of(h + 1, 0);
            LocalTime a = start.isAfter(hourStart) ? start : hourStart;
            LocalTime b = end.isBefore(hourEnd) ? end : hourEnd;
            if (!b.isAfter(a)) {
                break;
            }
            add.add(cell(byHour, h), minutes(a, b));
        }
    }

    private static long minutes(LocalTime from, LocalTime to) {
        return Duration.between(from, to).toMinutes() + (to.equals(LocalTime.MAX) ? 1 : 0);
    }

    private static List<Object> row(String dimension, String value, Minutes m) {
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add((int) m.available);
        row.add((int) m.booked);
        row.add(Stats.percent(m.booked, m.available));
        row.add((int) m.delivered);
        row.add(Stats.percent(m.delivered, m.available));
        return row;
    }
}
