package clinic.threshold.service.demo.synthetic;

import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.synthetic.BulkWriter;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditChain;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The audit events the generated work would have written, gathered compactly while rows are generated (a few
 * primitive arrays, not millions of objects), then sorted by time and appended to the hash chain in chunks, so the
 * trail reads in the order the work happened (ADR 0020).
 */
final class AuditTrail {
    /** What was done, as the services word it; who did it is the role's demo account. */
    enum Kind {
        PATIENT_CREATE("patient.create", "patient", Role.INTAKE),
        EPISODE_CREATE("history.episode.create", "episode", Role.CLINICIAN),
        TRIAL_CREATE("history.trial.create", "treatment_trial", Role.CLINICIAN),
        SCREEN("tms.screen", "tms_screening", Role.TECHNICIAN),
        COURSE_START("tms.course.start", "tms_course", Role.CLINICIAN),
        COURSE_END("tms.course.end", "tms_course", Role.CLINICIAN),
        MT("tms.mt", "tms_motor_threshold", Role.TECHNICIAN),
        SESSION("tms.session.record", "tms_session", Role.TECHNICIAN),
        MISS("tms.session.miss", "tms_session", Role.TECHNICIAN),
        SCALE("outcome.record", "scale_entry", Role.TECHNICIAN),
        RISK_RAISED("outcome.safety.raised", "safety_alert", Role.TECHNICIAN),
        RISK_REVIEW("outcome.safety.review", "safety_alert", Role.CLINICIAN),
        DISCHARGE("patient.discharge", "patient", Role.CLINICIAN),
        COURSE_BOOK("schedule.course", "tms_course", Role.SCHEDULER),
        ORDER_CREATE("medication.order.create", "medication_order", Role.CLINICIAN),
        ORDER_UPDATE("medication.order.update", "medication_order", Role.CLINICIAN),
        AUTH_CREATE("authorization.create", "prior_authorization", Role.INTAKE),
        AUTH_STATUS("authorization.status", "prior_authorization", Role.INTAKE);

        final String action;
        final String entity;
        final Role by;

        Kind(String action, String entity, Role by) {
            this.action = action;
            this.entity = entity;
            this.by = by;
        }
    }

    /** Whose account an event is written under. */
    enum Role {
        INTAKE, CLINICIAN, TECHNICIAN, SCHEDULER
    }

    /** An account's id and name, per role. */
    record Accounts(long[] ids, String[] names) {
    }

    private static final int CHUNK = 50_000;
    private long[] at = new long[1 << 16];
    private int[] kind = new int[1 << 16];
    private long[] patient = new long[1 << 16];
    private long[] entity = new long[1 << 16];
    private int size;

    void add(Instant when, Kind k, long patientId, long entityId) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            kind = Arrays.copyOf(kind, n);
            patient = Arrays.copyOf(patient, n);
            entity = Arrays.copyOf(entity, n);
        }
        at[size] = when.toEpochMilli();
        kind[size] = k.ordinal();
        patient[size] = patientId;
        entity[size] = entityId;
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Appends every gathered event, oldest first (ties in the order they were gathered), after the chain's head, in
     * transactions of {@value #CHUNK} events; the outside anchor follows each commit. Returns the new head.
     */
    AuditHead append(Transactor tx, Accounts accounts, clinic.threshold.audit.AuditAnchor anchor, LongConsumer progress) {
        int[] order = chronological();
        AuditHead head = null;
        for (int from = 0; from < size; from += CHUNK) {
            int start = from;
            int end = Math.min(size, from + CHUNK);
            head = tx.inTransaction(dsl -> {
                AuditRepository repo = new AuditRepository(dsl);
                AuditHead h = repo.lockHead();
                long seq = h.seq();
                String prev = h.hash();
                String[] last = {prev};
                long[] lastSeq = {seq};
                BulkWriter.within(dsl, w -> {
                    for (int i = start; i < end; i++) {
                        int e = order[i];
                        Kind k = Kind.values()[kind[e]];
                        long s = ++lastSeq[0];
                        long userId = accounts.ids()[k.by.ordinal()];
                        String user = accounts.names()[k.by.ordinal()];
                        String entityId = Long.toString(entity[e]);
                        String hash = AuditChain.hash(last[0], s, at[e], userId, user, k.action, AuditCategory.PATIENT,
                                patient[e], k.entity, entityId, AuditOutcome.SUCCESS, null);
                        w.row("audit_event", COLUMNS, s, Instant.ofEpochMilli(at[e]).atOffset(ZoneOffset.UTC), userId, user, k.action,
                                AuditCategory.PATIENT.name(), patient[e], k.entity, entityId, AuditOutcome.SUCCESS.name(), null,
                                last[0], hash);
                        last[0] = hash;
                    }
                });
                AuditHead next = new AuditHead(lastSeq[0], last[0]);
                repo.moveHead(next);
                tx.afterCommit(() -> anchor.write(next));
                return next;
            });
            progress.accept(end);
        }
        return head;
    }

    /**
     * Event indexes by time (to the second), then in the order gathered: each packed into one long (seconds since the
     * first event above the index bits), so millions sort as primitives.
     */
    private int[] chronological() {
        if (size >= 1 << INDEX_BITS) {
            throw new IllegalStateException("too many audit events for one generation: " + size);
        }
        long first = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            first = Math.min(first, at[i] / 1000);
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (at[i] / 1000 - first) << INDEX_BITS | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) (keys[i] & ((1L << INDEX_BITS) - 1));
        }
        return order;
    }

    private static final int INDEX_BITS = 26;

    private static final List<String> COLUMNS = List.of("seq", "occurred_at", "user_id", "username", "action", "category",
            "patient_id", "entity", "entity_id", "outcome", "detail", "prev_hash", "row_hash");
}
