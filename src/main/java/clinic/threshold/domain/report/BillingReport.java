package clinic.threshold.domain.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Billing summary (docs/reports.md, "Billing"): TMS sessions given in the range by month, billing code and payer, and
 * each month's total; the chart shows the monthly totals.
 */
public final class BillingReport {
    private BillingReport() {
    }

    /**
     * Sessions given in one month under one code (null when none was set) for one payer (null for self-pay): the
     * database counts them, so ten years of sessions arrive as a few thousand groups.
     */
    public record Sessions(YearMonth month, String code, String payer, int count) {
    }

    public static final List<ReportTable.Column> COLUMNS = List.of(
            new ReportTable.Column("month", ReportTable.Kind.TEXT),
            new ReportTable.Column("code", ReportTable.Kind.TEXT),
            new ReportTable.Column("payer", ReportTable.Kind.TEXT),
            new ReportTable.Column("sessions", ReportTable.Kind.COUNT));

    public static ReportResult compute(ReportParams params, List<Sessions> sessions) {
        Map<YearMonth, Map<String, Map<String, Integer>>> counts = new TreeMap<>();
        int all = 0;
        for (Sessions s : sessions) {
            counts.computeIfAbsent(s.month(), k -> new TreeMap<>())
                    .computeIfAbsent(s.code() == null ? NO_CODE : s.code(), k -> new TreeMap<>())
                    .merge(s.payer() == null ? NO_PAYER : s.payer(), s.count(), Integer::sum);
            all += s.count();
        }
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((month, byCode) -> {
            int total = 0;
            for (var code : byCode.entrySet()) {
                for (var payer : code.getValue().entrySet()) {
                    rows.add(List.of(month.toString(), code.getKey(), payer.getKey(), payer.getValue()));
                    total += payer.getValue();
                }
            }
            rows.add(List.of(month.toString(), ReportTable.TOTAL, "", total));
        });
        return new ReportResult(ReportId.BILLING, params, new ReportTable(COLUMNS, rows),
                new ReportChart(ReportChart.Kind.BAR, "month", List.of("sessions"), "code", ReportTable.TOTAL),
                List.of(new ReportResult.Note("report.note.billing.scope", List.of(all))));
    }

    /** Worded by the formatter (report.value.KEY). */
    public static final String NO_CODE = "noCode";
    public static final String NO_PAYER = "noPayer";
}
