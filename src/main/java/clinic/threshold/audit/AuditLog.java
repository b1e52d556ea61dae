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
    /**
     * Events this process wrote lately (number and hash), so that its screens do not hear of their own saves twice
     * (ChangeFeed). Kept from before the commit, so a poll right after it cannot miss them; with the hash, so that a
     * number whose transaction rolled back, and which another workstation's event then took, is not mistaken for ours.
     */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, String> written =
            new java.util.concurrent.ConcurrentSkipListMap<>();
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
        written.put(seq, hash);
        written.headMap(seq - WRITTEN_KEPT).clear(); // nobody follows the feed (the command line): keep the newest
        // The outside copy moves once per transaction, to its last head: each write forces the disk, and a history
        // import appends an event per rating scale in one transaction (one write per event made the import of 20,000
        // histories spend most of its time in those writes, docs/benchmarks.md).
        AuditHead[] last = tx.perTransaction(anchor, () -> {
            AuditHead[] holder = new AuditHead[1];
            tx.afterCommit(() -> anchor.write(holder[0]));
            return holder;
        });
        last[0] = next;
        return r;
    }

    /** Appends one event in a transaction of its own (sign-in attempts, refused calls). */
    public AuditRecord appendAlone(Actor actor, AuditEntry e) {
        return tx.inTransaction(dsl -> append(dsl, actor, e));
    }

    /** Whether event {@code seq} with hash {@code rowHash} was written by this process (this workstation) lately. */
    public boolean writtenHere(long seq, String rowHash) {
        return rowHash != null && rowHash.equals(written.get(seq));
    }

    /** The feed has passed event {@code seq}: what this process wrote up to it need not be remembered. */
    public void forgetUpTo(long seq) {
        written.headMap(seq, true).clear();
    }

    public AuditAnchor anchor() {
        return anchor;
    }
}
