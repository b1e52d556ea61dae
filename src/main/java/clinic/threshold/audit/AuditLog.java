package clinic.threshold.audit;

import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditChain;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;

/**
 * Appends events to the hash-chained trail inside the caller's transaction, so that a write and its audit
 * event commit together or not at all. After the commit the outside anchor is moved to the new head.
 */
public final class AuditLog {
    private final Transactor tx;
    private final Clock clock;
    private final AuditAnchor anchor;
    /** Events this process committed lately, so that its screens do not hear of its own saves twice (ChangeFeed). */
    private final java.util.concurrent.ConcurrentSkipListSet<Long> written = new java.util.concurrent.ConcurrentSkipListSet<>();
    private static final int WRITTEN_KEPT = 10_000;

    public AuditLog(Transactor tx, Clock clock, AuditAnchor anchor) {
        this.tx = tx;
        this.clock = clock;
        this.anchor = anchor;
    }

    /** Appends within the current transaction (which it requires) and returns the stored event. */
    public AuditRecord append(DSLContext dsl, Actor actor, AuditEntry e) {
        if (!tx.inTransaction()) {
            throw new IllegalStateException("audit events are written inside the use case's transaction");
        }
        AuditRepository repo = new AuditRepository(dsl);
        AuditHead head = repo.lockHead();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditChain.hash(head.hash(), seq, at.toEpochMilli(), actor.userId(), actor.username(),
                e.action(), e.category(), e.patientId(), e.entity(), e.entityId(), e.outcome(), e.detail());
        AuditRecord r = new AuditRecord(seq, at, actor.userId(), actor.username(), e.action(), e.category(),
                e.patientId(), e.entity(), e.entityId(), e.outcome(), e.detail(), head.hash(), hash);
        repo.insert(r);
        AuditHead next = new AuditHead(seq, hash);
        repo.moveHead(next);
        tx.afterCommit(() -> {
            anchor.write(next);
            written.add(seq);
            if (written.size() > WRITTEN_KEPT) {
                written.pollFirst(); // nobody follows the feed (the command line): keep only the newest
            }
        });
        return r;
    }

    /** Appends one event in a transaction of its own (sign-in attempts, refused calls). */
    public AuditRecord appendAlone(Actor actor, AuditEntry e) {
        return tx.inTransaction(dsl -> append(dsl, actor, e));
    }

    /** Whether event {@code seq} was committed by this process (this workstation) lately. */
    public boolean writtenHere(long seq) {
        return written.contains(seq);
    }

    /** The feed has passed event {@code seq}: what this process wrote up to it need not be remembered. */
    public void forgetUpTo(long seq) {
        written.headSet(seq, true).clear();
    }

    public AuditAnchor anchor() {
        return anchor;
    }
}
