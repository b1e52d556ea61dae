package clinic.threshold.domain.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adverse events (docs/reports.md, "Adverse events"): events recorded at sessions given in the range per 1,000 and per
 * 10,000 sessions given, by type (over all sessions) and by protocol (over that protocol's sessions); seizures are set
 * against the published benchmark, which is reference data.
 */
public final class AdverseEventsReport {
    private AdverseEventsReport() {
    }

    /** An event as the report counts it: its type and severity codes, the protocol of its session, the patient. */
    public record Event(String type, String severity, String protocol, long patientId) {
    }

    public static final String SEIZURE = "SEIZURE";
    public static final String SEVERE = "SEVERE";
    public static final String TYPE = "type";
    public static final String PROTOCOL = "protocol";

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("events", ReportTable.Kind.COUNT),
            new ReportTable.Column("severeEvents", ReportTable.Kind.COUNT),
            new ReportTable.Column("patientsAffected", ReportTable.Kind.COUNT),
            new ReportTable.Column("sessionsGiven", ReportTable.Kind.COUNT),
            new ReportTable.Column("per1000Sessions", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("per10000Sessions", ReportTable.Kind.DECIMAL));

    /**
     * @param sessionsByProtocol sessions given in the range by protocol name (the exposure)
     * @param seizureBenchmark   the published seizure rate per 10,000 sessions
     */
    public static ReportResult compute(ReportParams params, Map<String, Integer> sessionsByProtocol, List<Event> events,
            BigDecimal seizureBenchmark) {
        int sessions = sessionsByProtocol.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, List<Event>> byType = new TreeMap<>();
        byType.put(SEIZURE, new ArrayList<>()); // always shown: the benchmark compares against it
        Map<String, List<Event>> byProtocol = new TreeMap<>();
        sessionsByProtocol.keySet().forEach(p -> byProtocol.put(p, new ArrayList<>()));
        for (Event e : events) {
            byType.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
            byProtocol.computeIfAbsent(e.protocol(), k -> new ArrayList<>()).add(e);
        }
        List<List<Object>> rows = new ArrayList<>();
        byType.forEach((t, list) -> rows.add(row(TYPE, t, list, sessions)));
        byProtocol.forEach((p, list) -> rows.add(row(PROTOCOL, p, list, sessionsByProtocol.getOrDefault(p, 0))));
        rows.add(row(ReportTable.TOTAL, "", events, sessions));
        int seizures = byType.get(SEIZURE).size();
        return new ReportResult(ReportId.ADVERSE_EVENTS, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("per1000Sessions"), "dimension", TYPE),
                List.of(new ReportResult.Note("report.note.adverse.scope", List.of(events.size(), sessions)),
                        new ReportResult.Note("report.note.adverse.seizures", List.of(seizures, sessions,
                                rateOrDash(seizures, sessions), seizureBenchmark.toPlainString()))));
    }

    private static String rateOrDash(int events, int sessions) {
        BigDecimal r = Stats.rate(events, sessions, 10_000);
        return r == null ? "\u2014" : r.toPlainString();
    }

    private static List<Object> row(String dimension, String value, List<Event> list, int sessions) {
        Set<Long> patients = new HashSet<>();
        list.forEach(e -> patients.add(e.patientId()));
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add(list.size());
        row.add((int) list.stream().filter(e -> SEVERE.equals(e.severity())).count());
        row.add(patients.size());
        row.add(sessions);
        row.add(Stats.rate(list.size(), sessions, 1_000));
        row.add(Stats.rate(list.size(), sessions, 10_000));
        return row;
    }
}
