package clinic.threshold.data.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.api.Trigger;

/**
 * H2 row trigger installed on every application table: hands each written row to {@link JournalCapture}.
 * It costs one thread-local lookup when no journaled transaction is running.
 */
public final class JournalTrigger implements Trigger {
    private String table;
    private List<String> columns;
    private List<String> keyColumns;
    private int[] keyIndexes;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        this.table = tableName;
        this.columns = columns(conn, schemaName, tableName);
        this.keyColumns = primaryKey(conn, schemaName, tableName);
        this.keyIndexes = keyColumns.stream().mapToInt(columns::indexOf).toArray();
        if (keyColumns.isEmpty() || Arrays.stream(keyIndexes).anyMatch(i -> i < 0)) {
            throw new SQLException("Table " + tableName + " has no primary key; the commit journal needs one");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!JournalCapture.active()) {
            return;
        }
        if (newRow != null) {
            for (int i = 0; i < newRow.length; i++) {
                if (!ValueCodec.supports(newRow[i])) {
                    // Fail the write now rather than journal a value that could not be replayed.
                    throw new SQLException("The commit journal cannot store column " + columns.get(i) + " of "
                            + table + " (type " + newRow[i].getClass().getName() + ")");
                }
            }
        }
        if (newRow == null) {
            List<Object> key = new ArrayList<>(keyIndexes.length);
            for (int i : keyIndexes) {
                key.add(oldRow[i]);
            }
            JournalCapture.add(new RowChange(table, true, keyColumns, key, keyColumns));
        } else {
            JournalCapture.add(new RowChange(table, false, columns, Arrays.asList(newRow.clone()), keyColumns));
        }
    }

    private static List<String> columns(Connection conn, String schema, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            return names(ps, schema, table);
        }
    }

    private static List<String> primaryKey(Connection conn, String schema, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT k.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS c JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                + " ON k.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = c.CONSTRAINT_NAME"
                + " WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? AND c.CONSTRAINT_TYPE = 'PRIMARY KEY'"
                + " ORDER BY k.ORDINAL_POSITION")) {
            return names(ps, schema, table);
        }
    }

    private static List<String> names(PreparedStatement ps, String schema, String table) throws SQLException {
        ps.setString(1, schema);
        ps.setString(2, table);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
