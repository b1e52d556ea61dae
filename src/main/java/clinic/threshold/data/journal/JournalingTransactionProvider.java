package clinic.threshold.data.journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Wraps jOOQ's transaction provider so that every transaction that changed rows is numbered, marks its
 * number in the database inside the transaction ({@code journal_mark}), commits, and only then, before
 * control returns to the caller, appends its record to the {@link CommitJournal}. A commit that fails is
 * never journaled. One lock covers marking, committing and appending, so the journal's order is the
 * commit order.
 */
public final class JournalingTransactionProvider implements TransactionProvider {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournalingTransactionProvider.class);
    private final TransactionProvider delegate;
    private final SharedJournal shared;

    /** Commits through {@code shared}: its counter, its lock and its file, shared by every pool on the file. */
    public JournalingTransactionProvider(TransactionProvider delegate, SharedJournal shared) {
        this.delegate = delegate;
        this.shared = shared;
    }

    @Override
    public void begin(TransactionContext ctx) {
        if (JournalCapture.active()) {
            throw new IllegalStateException("transactions do not nest: one use case, one transaction");
        }
        JournalCapture.begin();
        try {
            delegate.begin(ctx);
        } catch (RuntimeException e) {
            JournalCapture.end();
            throw e;
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        if (!JournalCapture.hasChanges()) {
            try {
                delegate.commit(ctx);
            } finally {
                JournalCapture.end();
            }
            return;
        }
        ReentrantLock order = shared.order;
        order.lock();
        try {
            long seq = shared.lastSeq() + 1;
            Map<String, Long> sequences = markAndReadSequences(ctx, seq);
            List<RowChange> changes = JournalCapture.end(); // includes the mark's own row
            delegate.commit(ctx);
            shared.committed(seq);
            try {
                shared.journal().append(new JournalEntry(seq, changes, sequences));
            } catch (IOException | RuntimeException e) {
                // The commit stands in H2; failing the save now would invite entering it twice. Recovery
                // refuses to replay across the missing number if it is ever needed.
                LOG.warn("Could not write commit {} to the journal: {}", seq, e.getClass().getSimpleName());
            }
        } finally {
            JournalCapture.end();
            order.unlock();
        }
    }

    @Override
    public void rollback(TransactionContext ctx) {
        JournalCapture.end();
        delegate.rollback(ctx);
    }

    /** On the transaction's own connection: the mark, then the named sequences' values. */
    private static Map<String, Long> markAndReadSequences(TransactionContext ctx, long seq) {
        ConnectionProvider provider = ctx.configuration().connectionProvider();
        Connection c = provider.acquire();
        try {
            try (PreparedStatement ps = c.prepareStatement("UPDATE JOURNAL_MARK SET LAST_SEQ = ? WHERE ID = 1")) {
                ps.setLong(1, seq);
                if (ps.executeUpdate() != 1) {
                    throw new DataAccessException("the journal mark row is missing");
                }
            }
            Map<String, Long> values = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SequenceCatchUp.NAMED_SEQUENCES)) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getLong(2));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new DataAccessException("marking the transaction for the commit journal", e);
        } finally {
            provider.release(c);
        }
    }
}
