package clinic.threshold.data.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the row changes of the transaction running on this thread. H2 runs an embedded session's
 * triggers on the caller's thread, so the trigger and the transaction meet here. Outside a journaled
 * transaction (migrations, restores, tools) nothing is collected.
 */
public final class JournalCapture {
    private static final ThreadLocal<List<RowChange>> CURRENT = new ThreadLocal<>();

    private JournalCapture() {
    }

    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    static boolean active() {
        return CURRENT.get() != null;
    }

    static boolean hasChanges() {
        List<RowChange> changes = CURRENT.get();
        return changes != null && !changes.isEmpty();
    }

    static void add(RowChange change) {
        List<RowChange> changes = CURRENT.get();
        if (changes != null) {
            changes.add(change);
        }
    }

    /** Ends collection on this thread and returns what was collected (empty when nothing was active). */
    static List<RowChange> end() {
        List<RowChange> changes = CURRENT.get();
        CURRENT.remove();
        return changes == null ? List.of() : changes;
    }
}
