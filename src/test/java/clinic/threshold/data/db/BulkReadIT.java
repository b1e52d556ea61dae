package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports read years of rows through {@link Transactor#readInBulk} and {@link BulkRows} (ADR 0026): rows are handed
 * over as H2 reads them, and the connection goes back to the pool as it came. Seen from outside by a query whose
 * third row fails: streamed, the first two rows arrive before the failure; built whole first, none does.
 */
class BulkReadIT {
    @TempDir
    Path dir;

    private static final String FAILS_AT_THREE = "SELECT CASE WHEN X = 3 THEN 1 / (X - 3) ELSE X END FROM SYSTEM_RANGE(1, 5)";

    @Test
    void rowsStreamInsideABulkReadAndTheConnectionIsPutBackAsItWas() {
        try (Database db = Database.open(DatabaseConfig.in(dir))) {
            Transactor tx = new Transactor(db.dsl());
            List<Long> before = new ArrayList<>();
            assertThrows(DataAccessException.class, () -> tx.readInBulk(dsl -> {
                BulkRows.each(dsl, dsl.resultQuery(FAILS_AT_THREE), rs -> before.add(rs.getLong(1)));
                return null;
            }));
            assertEquals(List.of(1L, 2L), before, "streamed: the rows before the failing one were handed over");

            // Every pooled connection afterwards builds results whole again, the one the bulk read used included.
            for (int i = 0; i < 4; i++) {
                List<Long> after = new ArrayList<>();
                assertThrows(DataAccessException.class, () -> tx.read(dsl -> {
                    BulkRows.each(dsl, dsl.resultQuery(FAILS_AT_THREE), rs -> after.add(rs.getLong(1)));
                    return null;
                }));
                assertEquals(List.of(), after, "outside a bulk read nothing arrives before the failure");
            }

            // Bind values travel with the statement.
            List<Long> bound = new ArrayList<>();
            tx.readInBulk(dsl -> {
                BulkRows.each(dsl, dsl.select(DSL.field("X", Long.class)).from("SYSTEM_RANGE(1, 10)")
                        .where(DSL.field("X", Long.class).between(4L, 6L)), rs -> bound.add(rs.getLong(1)));
                return null;
            });
            assertEquals(List.of(4L, 5L, 6L), bound);
        }
    }
}
