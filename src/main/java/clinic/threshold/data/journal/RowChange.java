package clinic.threshold.data.journal;

import java.util.List;

/**
 * One row written by a transaction, as H2 stored it: the whole new row for an insert or update, only the
 * primary key for a delete. Replaying changes in order is idempotent, which is what lets recovery start a
 * little before the point where the database lost track.
 */
public record RowChange(String table, boolean delete, List<String> columns, List<Object> values,
                        List<String> keyColumns) {
    public RowChange {
        columns = List.copyOf(columns);
        // values may hold nulls, which List.copyOf refuses
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        keyColumns = List.copyOf(keyColumns);
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("columns and values differ in number for " + table);
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " has no primary key, so it cannot be journaled");
        }
    }

    /** The value of a column, by name (upper case, as H2 reports names). */
    public Object value(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " in the change to " + table);
        }
        return values.get(i);
    }
}
