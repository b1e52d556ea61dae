package clinic.threshold.data.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;

/**
 * Runs a query of hundreds of thousands of rows on the context's connection and hands each row of its JDBC result set
 * over as it is read. jOOQ builds the statement; it makes no record of each row, which cost a ten-year report several
 * times the reading itself (measured on the large clinic: 4 s against 0.7 s for the same 634,000 sessions,
 * docs/benchmarks.md). On H2 inside {@link Transactor#readInBulk} the rows stream from the database as they are read.
 */
public final class BulkRows {
    private BulkRows() {
    }

    /** What is done with each row; it reads the columns by position, in the order the query selects them. */
    @FunctionalInterface
    public interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    public static void each(DSLContext dsl, ResultQuery<?> query, Row row) {
        String sql = dsl.render(query);
        List<Object> binds = dsl.extractBindValues(query);
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < binds.size(); i++) {
                    ps.setObject(i + 1, binds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        });
    }
}
