package clinic.threshold.domain.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prior authorizations (docs/reports.md, "Prior authorizations"): the requests made in the range by where they stand,
 * by payer and by denial reason, with how many the payers decided, approved and denied, the days from submission to
 * decision, and the units (sessions) approved against the units used inside the approvals' windows.
 */
public final class AuthorizationsReport {
    private AuthorizationsReport() {
    }

    /**
     * A request as the report counts it: its status as of today (an approval past its window has expired), the days
     * from submission to decision (null while undecided or never submitted), the payer's refusal reason if any, the
     * units approved (null unless approved) and the sessions given inside its window.
     */
    public record Request(String status, String payer, Long daysToDecision, boolean approved, boolean denied, String denialReason,
            Integer units, int used) {
    }

    public static final String STATUS = "status";
    public static final String PAYER = "payer";
    public static final String DENIAL = "denialReason";

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("dimension", ReportTable.Kind.TEXT),
            new ReportTable.Column("value", ReportTable.Kind.TEXT),
            new ReportTable.Column("requests", ReportTable.Kind.COUNT),
            new ReportTable.Column("decided", ReportTable.Kind.COUNT),
            new ReportTable.Column("approved", ReportTable.Kind.COUNT),
            new ReportTable.Column("denied", ReportTable.Kind.COUNT),
            new ReportTable.Column("approvalPct", ReportTable.Kind.PERCENT),
            new ReportTable.Column("medianDaysToDecision", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("meanDaysToDecision", ReportTable.Kind.DECIMAL),
            new ReportTable.Column("unitsApproved", ReportTable.Kind.COUNT),
            new ReportTable.Column("unitsUsed", ReportTable.Kind.COUNT),
            new ReportTable.Column("unitsUsedPct", ReportTable.Kind.PERCENT));

    /** @param statuses every status in pipeline order, each shown even with no request */
    public static ReportResult compute(ReportParams params, List<String> statuses, List<Request> requests) {
        Map<String, List<Request>> byStatus = new LinkedHashMap<>();
        statuses.forEach(s -> byStatus.put(s, new ArrayList<>()));
        Map<String, List<Request>> byPayer = new TreeMap<>();
        // Reasons are typed by people: the same words in another case or spacing are one reason.
        Map<String, List<Request>> byReason = new TreeMap<>();
        Map<String, String> reasonLabel = new TreeMap<>();
        for (Request r : requests) {
            byStatus.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(r);
            byPayer.computeIfAbsent(r.payer(), k -> new ArrayList<>()).add(r);
            if (r.denialReason() != null && !r.denialReason().isBlank()) {
                String key = r.denialReason().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                reasonLabel.putIfAbsent(key, r.denialReason().strip().replaceAll("\\s+", " "));
                byReason.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byStatus.forEach((s, list) -> rows.add(row(STATUS, s, list)));
        byPayer.forEach((p, list) -> rows.add(row(PAYER, p, list)));
        byReason.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .forEach(e -> rows.add(row(DENIAL, reasonLabel.get(e.getKey()), e.getValue())));
        rows.add(row(ReportTable.TOTAL, "", requests));
        return new ReportResult(ReportId.AUTHORIZATIONS, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "value", List.of("requests"), "dimension", STATUS),
                List.of(new ReportResult.Note("report.note.auth.scope", List.of(requests.size()))));
    }

    private static List<Object> row(String dimension, String value, List<Request> list) {
        List<Integer> days = list.stream().filter(r -> r.daysToDecision() != null).map(r -> r.daysToDecision().intValue()).toList();
        int approved = (int) list.stream().filter(Request::approved).count();
        int denied = (int) list.stream().filter(Request::denied).count();
        int units = list.stream().filter(r -> r.units() != null).mapToInt(Request::units).sum();
        int used = list.stream().filter(r -> r.units() != null).mapToInt(Request::used).sum();
        List<Object> row = new ArrayList<>();
        row.add(dimension);
        row.add(value);
        row.add(list.size());
        row.add(approved + denied);
        row.add(approved);
        row.add(denied);
        row.add(Stats.percent(approved, approved + denied));
        row.add(Stats.median(days));
        row.add(Stats.mean(days));
        row.add(units);
        row.add(used);
        row.add(Stats.percent(used, units));
        return row;
    }
}
