package clinic.threshold.data.audit;

import static clinic.threshold.data.jooq.Tables.AUDIT_EVENT;
import static clinic.threshold.data.jooq.Tables.AUDIT_HEAD;

import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.data.jooq.tables.records.AuditEventRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The audit tables. Insert and read only: there is deliberately no update or delete of events. */
public final class AuditRepository {
    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Reads the chain head and locks it until the transaction ends, so appends happen one at a time. */
    public AuditHead lockHead() {
        var r = dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
        return new AuditHead(r.value1(), r.value2());
    }

    public AuditHead head() {
        var r = dsl.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        return new AuditHead(r.value1(), r.value2());
    }

    public void moveHead(AuditHead head) {
        dsl.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, head.seq()).set(AUDIT_HEAD.LAST_HASH, head.hash())
                .where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    public void insert(AuditRecord e) {
        AuditEventRecord r = dsl.newRecord(AUDIT_EVENT);
        r.setSeq(e.seq());
        r.setOccurredAt(e.occurredAt().atOffset(ZoneOffset.UTC));
        r.setUserId(e.userId());
        r.setUsername(e.username());
        r.setAction(e.action());
        r.setCategory(e.category().name());
        r.setPatientId(e.patientId());
        r.setEntity(e.entity());
        r.setEntityId(e.entityId());
        r.setOutcome(e.outcome().name());
        r.setDetail(e.detail());
        r.setPrevHash(e.prevHash());
        r.setRowHash(e.rowHash());
        r.insert();
    }

    /** Events with seq greater than {@code afterSeq}, in order, at most {@code limit}: for chain checks. */
    public List<AuditRecord> pageAfter(long afterSeq, int limit) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq)).orderBy(AUDIT_EVENT.SEQ)
                .limit(limit).fetch(AuditRepository::toRecord);
    }

    /**
     * Whether any event after {@code afterSeq} records work other than the listed routine actions (exact
     * names) and actions starting with {@code routinePrefix}: "has anything happened since that backup?".
     */
    public boolean anyWorkAfter(long afterSeq, java.util.Collection<String> routine, String routinePrefix) {
        return dsl.fetchExists(dsl.selectOne().from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq))
                .and(AUDIT_EVENT.ACTION.notIn(routine)).and(AUDIT_EVENT.ACTION.notLike(routinePrefix + "%")));
    }

    /**
     * The events after {@code afterSeq}, oldest first, at most {@code limit}, as screens following other workstations
     * need them (who, which patient, what): a range read on the key, nothing when nothing happened.
     */
    public List<clinic.threshold.domain.audit.RecordChange> changesAfter(long afterSeq, int limit) {
        return dsl.select(AUDIT_EVENT.SEQ, AUDIT_EVENT.PATIENT_ID, AUDIT_EVENT.USER_ID, AUDIT_EVENT.ACTION,
                        AUDIT_EVENT.OUTCOME, AUDIT_EVENT.ROW_HASH)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq)).orderBy(AUDIT_EVENT.SEQ).limit(limit)
                .fetch(r -> new clinic.threshold.domain.audit.RecordChange(r.value1(), r.value2(), r.value3(), r.value4(),
                        clinic.threshold.data.db.StoredValues.enumOf(AuditOutcome.class, r.value5()), r.value6()));
    }

    public long maxSeq() {
        Long max = dsl.select(DSL.max(AUDIT_EVENT.SEQ)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    public java.util.Optional<AuditRecord> find(long seq) {
        return dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.eq(seq)).fetchOptional(AuditRepository::toRecord);
    }

    /**
     * Newest-first page of events matching the filter, starting below {@code beforeSeq} (null for the newest):
     * keyset paging, so the millionth page costs what the first does.
     */
    public List<AuditRecord> search(AuditFilter f, Long beforeSeq, int limit, ZoneId zone) {
        Condition c = DSL.noCondition();
        if (beforeSeq != null) {
            c = c.and(AUDIT_EVENT.SEQ.lt(beforeSeq));
        }
        if (f.username() != null) {
            c = c.and(AUDIT_EVENT.USERNAME.eq(f.username()));
        }
        if (f.patientId() != null) {
            c = c.and(AUDIT_EVENT.PATIENT_ID.eq(f.patientId()));
        }
        if (f.action() != null) {
            c = c.and(AUDIT_EVENT.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.ge(start(f.from(), zone)));
        }
        if (f.to() != null) {
            c = c.and(AUDIT_EVENT.OCCURRED_AT.lt(start(f.to().plusDays(1), zone)));
        }
        // Ordering by the filtered column first (constant, so the result is the same) lets H2 read the
        // (column, seq DESC) index in order and stop at the page size instead of sorting every match:
        // measured 370 ms -> 1.7 ms for a common action among 200,000 events.
        List<org.jooq.SortField<?>> order = new java.util.ArrayList<>();
        if (f.action() != null) {
            order.add(AUDIT_EVENT.ACTION.asc());
        } else if (f.username() != null) {
            order.add(AUDIT_EVENT.USERNAME.asc());
        }
        order.add(AUDIT_EVENT.SEQ.desc());
        return dsl.selectFrom(AUDIT_EVENT).where(c).orderBy(order).limit(limit)
                .fetch(AuditRepository::toRecord);
    }

    private static java.time.OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static AuditRecord toRecord(AuditEventRecord r) {
        Instant at = r.getOccurredAt().toInstant();
        return new AuditRecord(r.getSeq(), at, r.getUserId(), r.getUsername(), r.getAction(),
                clinic.threshold.data.db.StoredValues.enumOf(AuditCategory.class, r.getCategory()), r.getPatientId(), r.getEntity(), r.getEntityId(),
                clinic.threshold.data.db.StoredValues.enumOf(AuditOutcome.class, r.getOutcome()), r.getDetail(), r.getPrevHash(), r.getRowHash());
    }
}
