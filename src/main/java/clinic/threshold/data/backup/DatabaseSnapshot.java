package clinic.threshold.data.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup must reproduce: the row count of every table, the audit chain's head and the schema
 * version. Read inside the backup's transaction (while the audit head is locked, so no audited write can
 * slip in between) and again from the restored copy; the two must be equal.
 */
public record DatabaseSnapshot(Map<String, Long> rowCounts, long auditSeq, String auditHash, String schemaVersion) {

    public DatabaseSnapshot {
        rowCounts = Collections.unmodifiableMap(new TreeMap<>(rowCounts));
    }

    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads the snapshot on {@code c}; call it inside the transaction that holds the audit head lock. */
    public static DatabaseSnapshot read(Connection c) throws SQLException {
        List<String> tables = tables(c);
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"PUBLIC\".\"" + t.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(t.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
            }
        }
        long seq = 0;
        String hash = "";
        if (tables.stream().anyMatch("AUDIT_HEAD"::equalsIgnoreCase)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    hash = rs.getString(2);
                }
            }
        }
        return new DatabaseSnapshot(counts, seq, hash, schemaVersion(c, tables));
    }

    /**
     * Reads every column of every row of every table (H2 answers COUNT(*) from stored sizes without
     * touching the data pages, so only a full read shows that each page decrypts and parses) and returns
     * the rows actually read per table. A damaged page throws.
     */
    public static Map<String, Long> readEveryRow(Connection c) throws SQLException {
        Map<String, Long> read = new TreeMap<>();
        for (String t : tables(c)) {
            long n = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM \"PUBLIC\".\"" + t.replace("\"", "\"\"") + "\"")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    n++;
                }
            }
            read.put(t.toLowerCase(java.util.Locale.ROOT), n);
        }
        return read;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection c, List<String> tables) throws SQLException {
        if (!tables.contains("flyway_schema_history")) {
            return "";
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** The differences from {@code other}, in words; empty when the two agree. */
    public List<String> differencesFrom(DatabaseSnapshot other) {
        List<String> d = new ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(rowCounts.keySet());
        names.addAll(other.rowCounts.keySet());
        for (String n : names) {
            Long a = rowCounts.get(n);
            Long b = other.rowCounts.get(n);
            if (!java.util.Objects.equals(a, b)) {
                d.add("table " + n + ": " + (b == null ? "missing" : b + " rows") + " instead of "
                        + (a == null ? "none" : a + " rows"));
            }
        }
        if (auditSeq != other.auditSeq || !auditHash.equals(other.auditHash)) {
            d.add("audit chain head " + other.auditSeq + " instead of " + auditSeq);
        }
        if (!schemaVersion.equals(other.schemaVersion)) {
            d.add("schema version " + other.schemaVersion + " instead of " + schemaVersion);
        }
        return d;
    }
}
