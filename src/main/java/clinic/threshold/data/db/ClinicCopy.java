package clinic.threshold.data.db;

import clinic.threshold.data.jooq.DefaultSchema;
import clinic.threshold.domain.common.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Sequence;
import org.jooq.Table;

/**
 * Copies every table of one clinic database into another with the same schema, as the move from the embedded H2
 * file to a PostgreSQL server needs (issue 13): parents before children so every foreign key holds, rows streamed
 * and inserted in batches, then identity columns and sequences moved past every value copied, then the row counts
 * compared table by table. The source is only read. The target must be freshly migrated: its seeded reference rows
 * are replaced by the source's; a target holding users, patients or audit events is refused.
 */
public final class ClinicCopy {
    private static final int BATCH = 1_000;
    /** A target with rows in any of these holds a clinic already; one freshly migrated holds only reference data. */
    private static final List<Table<?>> CLINIC_RECORDS = List.of(clinic.threshold.data.jooq.Tables.APP_USER,
            clinic.threshold.data.jooq.Tables.PATIENT, clinic.threshold.data.jooq.Tables.AUDIT_EVENT);

    private ClinicCopy() {
    }

    /** Rows per table in the source and the target after the copy; {@link #whole()} when they all agree. */
    public record Result(Map<String, long[]> counts) {
        public boolean whole() {
            return counts.values().stream().allMatch(c -> c[0] == c[1]);
        }

        public long rows() {
            return counts.values().stream().mapToLong(c -> c[1]).sum();
        }

        /** The tables whose counts differ, with both counts. */
        public List<String> differences() {
            List<String> out = new ArrayList<>();
            counts.forEach((t, c) -> {
                if (c[0] != c[1]) {
                    out.add(t + " " + c[0] + " -> " + c[1]);
                }
            });
            return out;
        }
    }

    /** Thrown before anything is written when the target already holds rows. */
    public static final class TargetNotEmptyException extends RuntimeException {
        public TargetNotEmptyException(String table) {
            super("the target database already holds rows in " + table);
        }
    }

    /**
     * Copies {@code from} into {@code to} in one transaction on the target: a failure leaves the target as it was.
     * {@code progress} hears each table's name (step "copy") and the fraction of tables done.
     */
    public static Result copy(DSLContext from, DSLContext to, Progress progress) {
        return copy(from, to, progress, BATCH);
    }

    /** As {@link #copy(DSLContext, DSLContext, Progress)} with {@code batch} rows per insert (tests use small ones). */
    static Result copy(DSLContext from, DSLContext to, Progress progress, int batch) {
        List<Table<?>> tables = parentsFirst(DefaultSchema.DEFAULT_SCHEMA.getTables());
        Map<String, long[]> counts = new LinkedHashMap<>();
        to.transaction(cfg -> {
            DSLContext target = cfg.dsl();
            if (target.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
                // Two copies started at once into one database: the second waits here, then finds the first's rows.
                target.execute("LOCK TABLE app_user, patient, audit_event IN EXCLUSIVE MODE");
            }
            for (Table<?> t : CLINIC_RECORDS) {
                if (target.fetchCount(t) > 0) {
                    throw new TargetNotEmptyException(t.getName());
                }
            }
            // The migrations seeded the target's reference tables; the source's rows (with the clinic's own edits
            // and their ids) replace them. Children first, so no foreign key is left pointing nowhere.
            for (int i = tables.size() - 1; i >= 0; i--) {
                target.deleteFrom(tables.get(i)).execute();
            }
            int done = 0;
            for (Table<?> t : tables) {
                progress.update("copy", (double) done++ / tables.size());
                counts.put(t.getName().toLowerCase(java.util.Locale.ROOT), new long[] {from.fetchCount(t), copyTable(from,
                        target, t, batch)});
            }
            restartIdentities(from, target, tables);
            restartSequences(from, target);
        });
        for (Table<?> t : tables) {
            counts.get(t.getName().toLowerCase(java.util.Locale.ROOT))[1] = to.fetchCount(t);
        }
        progress.update("copy", 1);
        return new Result(counts);
    }

    private static <R extends Record> long copyTable(DSLContext from, DSLContext to, Table<R> t, int size) {
        // A row may point at another of its table with a higher key (a trial later made to augment a newer one):
        // such columns go in empty and are set once every row is there.
        List<org.jooq.TableField<R, ?>> selfRefs = new ArrayList<>();
        for (ForeignKey<R, ?> fk : t.getReferences()) {
            if (fk.getKey().getTable().equals(t)) {
                selfRefs.addAll(fk.getFields());
            }
        }
        List<R> pointing = new ArrayList<>();
        long n = 0;
        List<R> batch = new ArrayList<>(size);
        var key = t.getPrimaryKey() == null ? List.<org.jooq.SortField<?>>of()
                : t.getPrimaryKey().getFields().stream().map(f -> f.asc()).toList();
        try (Cursor<R> rows = from.selectFrom(t).orderBy(key).fetchSize(size).fetchLazy()) {
            for (R r : rows) {
                R copy = to.newRecord(t);
                copy.from(r);
                if (selfRefs.stream().anyMatch(f -> copy.get(f) != null)) {
                    pointing.add(r);
                    selfRefs.forEach(f -> copy.set(f, null));
                }
                batch.add(copy);
                if (batch.size() == size) {
                    n += insert(to, t, batch);
                }
            }
        }
        n += insert(to, t, batch);
        for (R r : pointing) {
            Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>();
            selfRefs.forEach(f -> values.put(f, r.get(f)));
            org.jooq.Condition same = org.jooq.impl.DSL.noCondition();
            for (org.jooq.TableField<R, ?> f : t.getPrimaryKey().getFields()) {
                same = same.and(equal(f, r));
            }
            to.update(t).set(values).where(same).execute();
        }
        return n;
    }

    private static <R extends Record, T> org.jooq.Condition equal(org.jooq.TableField<R, T> f, R r) {
        return f.eq(r.get(f));
    }

    private static <R extends Record> int insert(DSLContext to, Table<R> t, List<R> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        var insert = to.insertInto(t).columns(t.fields());
        for (R r : batch) {
            insert = insert.values(r.intoArray());
        }
        int n = insert.execute();
        batch.clear();
        return n;
    }

    /**
     * Identity columns carry on where the source's would have (its next value, or past the highest id copied if that
     * is further), so new records neither collide with copied ones nor reuse the ids of rows the source dropped.
     */
    private static void restartIdentities(DSLContext from, DSLContext to, List<Table<?>> tables) {
        for (Table<?> t : tables) {
            if (t.getIdentity() == null) {
                continue;
            }
            var id = t.getIdentity().getField();
            Object max = to.select(org.jooq.impl.DSL.max(id)).from(t).fetchOne(0);
            long next = max == null ? 1 : ((Number) max).longValue() + 1;
            Long sourceNext = from.fetchOptional("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA"
                    + " = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?", t.getName().toUpperCase(java.util.Locale.ROOT),
                    id.getName().toUpperCase(java.util.Locale.ROOT)).map(r -> r.get(0, Long.class)).orElse(null);
            if (sourceNext != null) {
                next = Math.max(next, sourceNext);
            }
            to.execute("ALTER TABLE " + t.getName() + " ALTER COLUMN " + id.getName() + " RESTART WITH " + next);
        }
    }

    /** Each sequence (patient numbers) carries on where the source's would have. */
    private static void restartSequences(DSLContext from, DSLContext to) {
        for (Sequence<?> s : DefaultSchema.DEFAULT_SCHEMA.getSequences()) {
            long next = from.fetchOne("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = 'PUBLIC'"
                    + " AND SEQUENCE_NAME = ?", s.getName().toUpperCase(java.util.Locale.ROOT)).get(0, Long.class);
            to.execute("ALTER SEQUENCE " + s.getName() + " RESTART WITH " + next);
        }
    }

    /** The tables ordered so that each comes after every table its foreign keys point to. */
    static List<Table<?>> parentsFirst(List<Table<?>> tables) {
        Set<Table<?>> ordered = new LinkedHashSet<>();
        List<Table<?>> left = new ArrayList<>(tables);
        left.sort(java.util.Comparator.comparing(Table::getName));
        while (!left.isEmpty()) {
            boolean progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                Table<?> t = it.next();
                boolean ready = true;
                for (ForeignKey<?, ?> fk : t.getReferences()) {
                    Table<?> parent = fk.getKey().getTable();
                    if (!parent.equals(t) && !ordered.contains(parent) && left.contains(parent)) {
                        ready = false;
                    }
                }
                if (ready) {
                    ordered.add(t);
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + left);
            }
        }
        return new ArrayList<>(ordered);
    }
}
