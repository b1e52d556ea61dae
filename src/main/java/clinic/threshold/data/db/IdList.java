package clinic.threshold.data.db;

import java.util.Collection;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code field IN (ids)} written as literals when the list is short, and no condition at all when it is long, for bulk
 * reads that then keep only their ids' rows. H2 does not look a list of bind parameters up in an index: it tests each
 * row against the list one value at a time (the day view's 300 courses cost 1 s, a report over 18,000 courses 80 s);
 * a list of literals becomes index probes, which pays for a few hundred ids but not for thousands (on the large
 * clinic every session row read whole took 2.4 s, the same rows by 18,000 literal ids 9 s; docs/benchmarks.md). The
 * ids are numbers, so the literals carry no injection risk; PostgreSQL plans both forms alike.
 */
public final class IdList {
    /** Above this many ids the table is read whole (or by the caller's other conditions) and filtered after. */
    public static final int SHORT = 1_000;

    private IdList() {
    }

    /** The condition to read by; when {@link #isLong} the caller must drop the rows of other ids itself. */
    public static Condition in(Field<Long> field, Collection<Long> ids) {
        if (isLong(ids)) {
            return DSL.noCondition();
        }
        return literals(field, ids);
    }

    /** {@code field IN (ids)} as literals whatever their number, for a caller that cannot filter after. */
    public static Condition literals(Field<Long> field, Collection<Long> ids) {
        return ids.isEmpty() ? DSL.falseCondition() : field.in(ids.stream().map(DSL::inline).toList());
    }

    public static boolean isLong(Collection<Long> ids) {
        return ids.size() > SHORT;
    }
}
