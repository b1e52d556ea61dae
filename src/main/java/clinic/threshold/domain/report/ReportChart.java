package clinic.threshold.domain.report;

import java.util.List;

/** How a report's table is drawn: bars or a line, categories from one column, a series per value column. */
public record ReportChart(Kind kind, String categoryColumn, List<String> valueColumns) {

    public enum Kind {
        BAR, LINE
    }

    public ReportChart {
        valueColumns = List.copyOf(valueColumns);
    }
}
