package clinic.threshold.domain.report;

import java.util.List;

/**
 * How a report's table is drawn: bars or a line, categories from one column, a series per value column; when
 * {@code onlyColumn} is set, only the rows whose cell in it equals {@code onlyValue} (one breakdown of several).
 */
public record ReportChart(Kind kind, String categoryColumn, List<String> valueColumns, String onlyColumn, String onlyValue) {

    public enum Kind {
        BAR, LINE
    }

    public ReportChart {
        valueColumns = List.copyOf(valueColumns);
    }

    public ReportChart(Kind kind, String categoryColumn, List<String> valueColumns) {
        this(kind, categoryColumn, valueColumns, null, null);
    }

    /** Whether a row is drawn. */
    public boolean draws(ReportTable t, List<Object> row) {
        return onlyColumn == null || java.util.Objects.equals(row.get(t.column(onlyColumn)), onlyValue);
    }
}
