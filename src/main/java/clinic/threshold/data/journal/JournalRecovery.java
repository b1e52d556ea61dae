package clinic.threshold.data.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts back commits that the journal holds and the reopened database file does not. The file's journal
 * mark says which numbered commit it holds last; the records numbered above it must follow on without a
 * gap and without a damaged record, or nothing is replayed. They are replayed in one transaction, kept
 * only if the mark then equals the journal's last number and the audit chain runs on without a missing
 * event, and then forced to disk. Anything else is left for the sign-in's audit-head check to refuse.
 */
public final class JournalRecovery {
    private JournalRecovery() {
    }

    /**
     * What recovery found. {@code transactions} and {@code rows} count what was put back; {@code fromSeq}
     * and {@code toSeq} are the audit events the file was missing; {@code lastJournalSeq} is the highest
     * commit number in use, from which the next commit counts on.
     */
    public record Result(Outcome outcome, int transactions, int rows, long fromSeq, long toSeq, String why,
                         long lastJournalSeq, boolean mayRotate) {
        public static Result nothing(long last) {
            return new Result(Outcome.NOTHING_MISSING, 0, 0, 0, 0, null, last, true);
        }

        static Result cannot(String why, long last) {
            return new Result(Outcome.CANNOT_REPLAY, 0, 0, 0, 0, why, last, false);
        }
    }

    public enum Outcome { NOTHING_MISSING, REPLAYED, CANNOT_REPLAY }

    /** Replays what the file lacks, then moves sequences past every stored key. */
    public static Result recover(Connection c, CommitJournal journal) throws SQLException {
        if (!tableExists(c, "JOURNAL_MARK")) {
            return Result.nothing(0); // a new database, or one from before the journal: nothing was journaled
        }
        long inFile = mark(c);
        CommitJournal.Contents contents = journal.read(inFile);
        long last = Math.max(inFile, contents.lastSeq());
        List<JournalEntry> missing = contents.entries();
        Result result;
        if (missing.isEmpty()) {
            result = Result.nothing(last);
        } else if (contents.damaged()) {
            result = Result.cannot("a commit journal record failed its check, so the commits after the file's "
                    + "commit " + inFile + " cannot all be put back", last);
        } else {
            // The previous generation may be let go only if the file held all of it before any replay: the replay
            // itself can be lost with the newest commits.
            result = replay(c, missing, inFile, last, inFile >= contents.previousLastSeq());
        }
        if (result.outcome() != Outcome.CANNOT_REPLAY) {
            SequenceCatchUp.run(c, contents.sequences());
        }
        return result;
    }

    private static Result replay(Connection c, List<JournalEntry> missing, long inFile, long last, boolean mayRotate)
            throws SQLException {
        for (int i = 0; i < missing.size(); i++) {
            if (missing.get(i).seq() != inFile + 1 + i) {
                return Result.cannot("the commit journal does not continue from the file's commit " + inFile
                        + " (commit " + (inFile + 1 + i) + " is missing)", last);
            }
        }
        JournalEntry.Head before = head(c);
        Optional<String> firstPrev = missing.stream().map(JournalEntry::firstPrevHash).flatMap(Optional::stream)
                .findFirst();
        if (firstPrev.isPresent() && !firstPrev.get().equals(before.hash())) {
            return Result.cannot("the commit journal's audit events do not continue from the file's newest event "
                    + before.seq(), last);
        }
        JournalEntry.Head target = before;
        for (JournalEntry e : missing) {
            target = e.head().filter(h -> h.seq() > before.seq()).orElse(target);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        int rows = 0;
        try {
            Map<String, PreparedStatement> statements = new HashMap<>();
            try {
                for (JournalEntry e : missing) {
                    for (RowChange change : e.changes()) {
                        apply(c, statements, change);
                        rows++;
                    }
                }
            } finally {
                for (PreparedStatement ps : statements.values()) {
                    ps.close();
                }
            }
            long markAfter = mark(c);
            String problem = markAfter != missing.get(missing.size() - 1).seq()
                    ? "after the replay the journal mark is " + markAfter : checkChain(c, before, target);
            if (problem != null) {
                c.rollback();
                return Result.cannot(problem, last);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            return Result.cannot("replaying the journal failed: " + e.getClass().getSimpleName()
                    + (e instanceof SQLException sql ? " " + sql.getErrorCode() : ""), last);
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new Result(Outcome.REPLAYED, missing.size(), rows, before.seq(), target.seq(), null, last, mayRotate);
    }

    private static void apply(Connection c, Map<String, PreparedStatement> statements, RowChange change)
            throws SQLException {
        String sql = change.delete() ? deleteSql(change) : mergeSql(change);
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            statements.put(sql, ps);
        }
        List<Object> values = change.values();
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
        ps.executeUpdate();
    }

    /** H2's MERGE ... KEY: insert the row, or overwrite the row with the same key. */
    private static String mergeSql(RowChange change) {
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(SequenceCatchUp.quote(change.table())).append(" (");
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < change.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(SequenceCatchUp.quote(change.columns().get(i)));
            marks.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") KEY (");
        for (int i = 0; i < change.keyColumns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(SequenceCatchUp.quote(change.keyColumns().get(i)));
        }
        return sql.append(") VALUES (").append(marks).append(')').toString();
    }

    private static String deleteSql(RowChange change) {
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(SequenceCatchUp.quote(change.table()))
                .append(" WHERE ");
        for (int i = 0; i < change.columns().size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(SequenceCatchUp.quote(change.columns().get(i))).append(" = ?");
        }
        return sql.toString();
    }

    /** After a replay the head must be the journal's and every event between the two heads present. */
    private static String checkChain(Connection c, JournalEntry.Head from, JournalEntry.Head to) throws SQLException {
        JournalEntry.Head now = head(c);
        if (!now.equals(to)) {
            return "after the replay the audit head is " + now.seq() + ", not the journal's " + to.seq();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM AUDIT_EVENT WHERE SEQ > ? AND SEQ <= ?")) {
            ps.setLong(1, from.seq());
            ps.setLong(2, to.seq());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long present = rs.getLong(1);
                return present == to.seq() - from.seq() ? null
                        : "after the replay " + (to.seq() - from.seq() - present) + " audit events are still missing";
            }
        }
    }

    private static JournalEntry.Head head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM AUDIT_HEAD WHERE ID = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new JournalEntry.Head(rs.getLong(1), rs.getString(2)) : new JournalEntry.Head(0, "");
        }
    }

    private static long mark(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ FROM JOURNAL_MARK WHERE ID = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
