package clinic.threshold.bench;

import clinic.threshold.service.history.HistoryJson;
import clinic.threshold.service.history.HistoryTransfer;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's import target: the large clinic's 20,000 treatment histories exported in the interchange format
 * ({@code threshold-history/1}), then imported as {@code threshold import --input FILE...} imports many (each file all
 * or nothing, {@link HistoryTransfer#BATCH} files per transaction), into a new clinic that holds the same patients and no histories (target: under 60 s for all). Figures go to
 * target/bench/import.txt.
 */
class ImportBench {
    @TempDir
    Path target;

    @Test
    void twentyThousandHistories() throws Exception {
        List<String> out = new ArrayList<>();
        List<String> docs = new ArrayList<>();
        long e0 = System.nanoTime();
        try (var c = LargeClinic.open(new StringBuilder()); Connection jdbc = LargeClinic.jdbc()) {
            for (String mrn : mrns(jdbc)) {
                docs.add(HistoryJson.write(c.historyTransfer().export(mrn)));
            }
            double exported = (System.nanoTime() - e0) / 1e9;
            long bytes = docs.stream().mapToLong(String::length).sum();
            out.add(String.format("exported %,d histories (%,d characters of JSON) in %.1f s", docs.size(), bytes, exported));
            try (var t = TestClinic.open(target); Connection into = DriverManager.getConnection("jdbc:h2:file:"
                    + target.resolve("db").resolve("threshold").toAbsolutePath() + ";IFEXISTS=TRUE;CIPHER=AES", "sa",
                    TestClinic.fileKeyHex(target) + " ")) {
                copyPatients(jdbc, into);
                long i0 = System.nanoTime();
                int episodes = 0;
                int trials = 0;
                int refused = 0;
                for (int from = 0; from < docs.size(); from += HistoryTransfer.BATCH) {
                    List<HistoryTransfer.BatchFile> group = new ArrayList<>();
                    for (int i = from; i < Math.min(docs.size(), from + HistoryTransfer.BATCH); i++) {
                        group.add(new HistoryTransfer.BatchFile("history " + i, docs.get(i)));
                    }
                    for (var r : t.historyTransfer().importBatch(group)) {
                        if (r.imported() == null) {
                            refused++;
                        } else {
                            episodes += r.imported().episodes();
                            trials += r.imported().trials();
                        }
                    }
                }
                if (refused > 0) {
                    throw new AssertionError(refused + " histories were refused");
                }
                double took = (System.nanoTime() - i0) / 1e9;
                out.add(String.format("imported %,d histories (%,d episodes, %,d trials), each all or nothing and audited, in %.1f s"
                        + " (%.2f ms each; target under 60 s)%s", docs.size(), episodes, trials, took, took * 1000 / docs.size(),
                        took < 60 ? "" : "  ** over **"));
            }
        }
        Files.createDirectories(LargeClinic.DIR.getParent());
        Files.write(LargeClinic.DIR.getParent().resolve("import.txt"), out);
        out.forEach(System.out::println);
    }

    private static List<String> mrns(Connection jdbc) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = jdbc.prepareStatement("SELECT mrn FROM patient p WHERE EXISTS (SELECT 1 FROM episode e"
                + " WHERE e.patient_id = p.id) ORDER BY id"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** The large clinic's patient rows, column for column, into the new clinic (the import matches them by MRN). */
    private static void copyPatients(Connection from, Connection into) throws Exception {
        into.setAutoCommit(false);
        try (PreparedStatement s = from.prepareStatement("SELECT * FROM patient ORDER BY id"); ResultSet r = s.executeQuery()) {
            ResultSetMetaData m = r.getMetaData();
            StringBuilder cols = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                cols.append(i > 1 ? ", " : "").append(m.getColumnName(i));
                marks.append(i > 1 ? ", ?" : "?");
            }
            try (PreparedStatement ins = into.prepareStatement("INSERT INTO patient (" + cols + ") VALUES (" + marks + ")")) {
                int n = 0;
                while (r.next()) {
                    for (int i = 1; i <= m.getColumnCount(); i++) {
                        ins.setObject(i, r.getObject(i));
                    }
                    ins.addBatch();
                    if (++n % 2000 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
        }
        into.commit();
        into.setAutoCommit(true);
    }
}
