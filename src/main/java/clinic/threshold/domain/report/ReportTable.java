package clinic.threshold.domain.report;

import java.util.List;

/**
 * A report's figures: typed columns and rows of cells (text, whole numbers, decimals and percentages as BigDecimal,
 * dates), in the order the report puts them; screens sort and filter, exports keep the order.
 */
public record ReportTable(List<Column> columns, List<List<Object>> rows) {

    /** The label of a total row: screens and exports word it ("All"). */
    public static final String TOTAL = "\u03a3";

    public enum Kind {
        TEXT, COUNT, DECIMAL, PERCENT, DATE
    }

    /** A column: its key (the heading is the message report.col.KEY) and the kind of its cells. */
    public record Column(String key, Kind kind) {
    }

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + r.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    public int column(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }
}
