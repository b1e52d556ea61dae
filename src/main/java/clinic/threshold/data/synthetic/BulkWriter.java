package clinic.threshold.data.synthetic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Inserts generated rows in JDBC batches, table by table, on the connection of the caller's transaction (ADR 0020).
 * Only the synthetic clinic uses it: real records go through the services and their repositories.
 */
public final class BulkWriter {
    private static final int BATCH = 2_000;
    private final Connection connection;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private long rows;

    private BulkWriter(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code work} with a writer on the transaction's connection; every batch is flushed before it returns. */
    public static long within(DSLContext dsl, java.util.function.Consumer<BulkWriter> work) {
        long[] written = new long[1];
        dsl.connection(c -> {
            BulkWriter w = new BulkWriter(c);
            try {
                work.accept(w);
                w.flushAll();
                written[0] = w.rows;
            } finally {
                w.closeAll();
            }
        });
        return written[0];
    }

    /** Prepares {@code table}'s insert ahead of its rows, fixing its place in the flush order (parents first). */
    public void declare(String table, List<String> columns) {
        tables.computeIfAbsent(table, t -> new Table(prepare(t, columns), columns.size()));
    }

    /** Adds a row to {@code table}; {@code columns} must be the same for every row of a table. */
    public void row(String table, List<String> columns, Object... values) {
        Table t = tables.get(table);
        if (t == null) {
            t = new Table(prepare(table, columns), columns.size());
            tables.put(table, t);
        }
        if (values.length != t.width) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + t.width + " columns");
        }
        try {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    t.statement.setNull(i + 1, Types.NULL);
                } else {
                    t.statement.setObject(i + 1, values[i]);
                }
            }
            t.statement.addBatch();
            rows++;
            if (++t.pending == BATCH) {
                flushAll(); // every table, parents first: a child's batch never goes before its parents' rows
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + table, e);
        }
    }

    /**
     * Writes what is batched so far, in the order the tables were first written; callers write a parent row before
     * its children, so that order puts parents first.
     */
    public void flushAll() {
        for (Table t : tables.values()) {
            try {
                t.flush();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write a batch", e);
            }
        }
    }

    private PreparedStatement prepare(String table, List<String> columns) {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try {
            return connection.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the insert into " + table, e);
        }
    }

    private void closeAll() {
        for (Table t : tables.values()) {
            try {
                t.statement.close();
            } catch (SQLException e) {
                // Closing after the work is done: nothing left to lose.
            }
        }
    }

    /**
     * Moves each identity column past the highest id written, so that records added afterwards through the services
     * get fresh ids (the generator assigns its own).
     */
    public static void restartIdentities(DSLContext dsl, List<String> tables) {
        for (String t : tables) {
            Long max = dsl.fetchOne("SELECT MAX(id) FROM " + t).get(0, Long.class);
            dsl.execute("ALTER TABLE " + t + " ALTER COLUMN id RESTART WITH " + ((max == null ? 0 : max) + 1));
        }
    }

    /** Moves a sequence past {@code used}. */
    public static void restartSequence(DSLContext dsl, String sequence, long used) {
        dsl.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + (used + 1));
    }

    /** The highest id of a table, 0 when empty. */
    public static long maxId(DSLContext dsl, String table) {
        Long max = dsl.fetchOne("SELECT MAX(id) FROM " + table).get(0, Long.class);
        return max == null ? 0 : max;
    }

    private static final class Table {
        final PreparedStatement statement;
        final int width;
        int pending;

        Table(PreparedStatement statement, int width) {
            this.statement = statement;
            this.width = width;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
