package clinic.threshold.data.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves sequences and identity columns past every value already in use. H2 keeps them outside the rows, so
 * a file that reopened at an older state, or rows put back by a replay, can leave a sequence behind its
 * table; the next save would then collide with a stored key (a patient number given twice).
 */
final class SequenceCatchUp {
    /** The application's own sequences (identity columns' sequences are handled through their tables). */
    static final String NAMED_SEQUENCES = "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
            + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' AND SEQUENCE_NAME NOT LIKE 'SYSTEM\\_SEQUENCE\\_%' ESCAPE '\\'";

    private SequenceCatchUp() {
    }

    /**
     * Restarts each named sequence at its journaled value when that is ahead, and each identity column
     * after its table's largest key. Returns how many were moved. Each move is DDL, which H2 commits.
     */
    static int run(Connection c, Map<String, Long> journaled) throws SQLException {
        int moved = 0;
        try (Statement s = c.createStatement()) {
            List<String[]> sequences = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(NAMED_SEQUENCES)) {
                while (rs.next()) {
                    sequences.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
            }
            for (String[] seq : sequences) {
                Long wanted = journaled.get(seq[0]);
                if (wanted != null && wanted > Long.parseLong(seq[1])) {
                    s.execute("ALTER SEQUENCE " + quote(seq[0]) + " RESTART WITH " + wanted);
                    moved++;
                }
            }
            List<String[]> identities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_BASE"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'")) {
                while (rs.next()) {
                    identities.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
            }
            for (String[] id : identities) {
                long next = maxPlusOne(c, id[0], id[1]);
                if (next > Long.parseLong(id[2])) {
                    s.execute("ALTER TABLE " + quote(id[0]) + " ALTER COLUMN " + quote(id[1]) + " RESTART WITH " + next);
                    moved++;
                }
            }
        }
        return moved;
    }

    private static long maxPlusOne(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(" + quote(column) + ") FROM " + quote(table));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? Long.MIN_VALUE : max + 1;
        }
    }

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
