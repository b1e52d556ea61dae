package clinic.threshold.service.report;

import clinic.threshold.domain.report.ReportChart;
import clinic.threshold.domain.report.ReportId;
import clinic.threshold.domain.report.ReportParams;
import clinic.threshold.domain.report.ReportResult;
import clinic.threshold.domain.report.ReportTable;
import clinic.threshold.i18n.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How a report reads in words on screen, in CSV and in PDF: titles, headings, cells, parameters, notes and chart. */
public final class ReportFormat {
    private ReportFormat() {
    }

    public static String title(ReportId id) {
        return Messages.get("report.title." + id.name());
    }

    public static String heading(ReportTable.Column c) {
        return Messages.get("report.col." + c.key());
    }

    /** A cell for people: percentages with a % sign, an empty figure as a dash. */
    public static String cell(ReportTable.Column c, Object v) {
        if (v == null) {
            return "\u2014";
        }
        if (c.kind() == ReportTable.Kind.TEXT) {
            return text(v);
        }
        return c.kind() == ReportTable.Kind.PERCENT ? v + "%" : v.toString();
    }

    /** A cell for a spreadsheet: numbers bare, an empty figure empty. */
    public static String csvCell(Object v) {
        return v == null ? "" : v instanceof String ? text(v) : v.toString();
    }

    /**
     * A text cell in words: the total row's label, and the fixed values a report writes as codes (a weekday, a breakdown
     * name) through report.value.CODE; names and other text as they are.
     */
    static String text(Object v) {
        if (ReportTable.TOTAL.equals(v)) {
            return Messages.get("report.total");
        }
        String key = "report.value." + v;
        return Messages.bundle().containsKey(key) ? Messages.get(key) : v.toString();
    }

    /** The parameters of a report as run: the filters and breakdown it applies. */
    public static String params(ReportId id, ReportParams p) {
        return params(p.forReport(id));
    }

    public static String params(ReportParams p) {
        List<String> parts = new ArrayList<>();
        parts.add(Messages.get("report.params.range", p.from() == null ? "\u2026" : p.from().toString(),
                p.to() == null ? "\u2026" : p.to().toString()));
        if (p.protocol() != null) {
            parts.add(Messages.get("report.params.protocol", p.protocol()));
        }
        if (p.technician() != null) {
            parts.add(Messages.get("report.params.technician", p.technician()));
        }
        if (p.clinician() != null) {
            parts.add(Messages.get("report.params.clinician", p.clinician()));
        }
        if (p.payerId() != null) {
            parts.add(Messages.get("report.params.payer", p.payerId()));
        }
        if (p.chairId() != null) {
            parts.add(Messages.get("report.params.chair", p.chairId()));
        }
        if (p.groupBy() != null) {
            parts.add(Messages.get("report.params.groupBy", Messages.get("report.groupBy." + p.groupBy().name())));
        }
        return String.join(" \u00b7 ", parts);
    }

    public static List<String> notes(ReportResult r) {
        return r.notes().stream().map(n -> Messages.withValues(n.key(), n.values())).toList();
    }

    /**
     * A row's label on the chart: its text cells before the first figure, joined; not the column the chart picks its
     * rows by (every bar would repeat it).
     */
    public static String category(ReportTable t, ReportChart c, List<Object> row) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).kind() != ReportTable.Kind.TEXT && t.columns().get(i).kind() != ReportTable.Kind.DATE) {
                break;
            }
            if (c != null && t.columns().get(i).key().equals(c.onlyColumn())) {
                continue;
            }
            parts.add(row.get(i) == null ? "" : text(row.get(i)));
        }
        return String.join(" \u00b7 ", parts);
    }

    /** The chart's value of a row for one series, or null when the cell is empty. */
    public static Double value(ReportTable t, List<Object> row, String column) {
        Object v = row.get(t.column(column));
        return v instanceof BigDecimal b ? b.doubleValue() : v instanceof Number n ? n.doubleValue() : null;
    }

    /** Whether a chart's series are percentages (the axis then runs to 100). */
    public static boolean percentChart(ReportTable t, ReportChart c) {
        return c.valueColumns().stream().allMatch(k -> t.columns().get(t.column(k)).kind() == ReportTable.Kind.PERCENT);
    }
}
