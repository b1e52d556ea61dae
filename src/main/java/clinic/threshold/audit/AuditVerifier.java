package clinic.threshold.audit;

import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.domain.audit.AuditChain;
import clinic.threshold.domain.audit.AuditCheck;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;

/**
 * Walks the whole chain and names the first event that does not fit: a changed field (hash mismatch),
 * a deleted or inserted event (sequence gap or broken link), reordering (broken link), or events cut off
 * the end (head or outside anchor ahead of the last event).
 */
public final class AuditVerifier {
    private static final int PAGE = 5_000;

    private final AuditAnchor anchor;

    public AuditVerifier(AuditAnchor anchor) {
        this.anchor = anchor;
    }

    /** Verifies using {@code dsl} (read-only); {@code progress} receives the number of events checked so far. */
    public AuditCheck verify(DSLContext dsl, LongConsumer progress) {
        return verifySince(dsl, null, progress);
    }

    /**
     * Verifies the events after {@code verified}, an event a complete walk found intact earlier (null: from the
     * first event): that event must still be there with the hash it had and its fields must still give that hash; the
     * chain then goes on from it. A rewrite of the events before it changes its link, so cannot pass; an edit of an
     * older event alone is found by the next complete walk (ADR 0022). Sign-in checks this way: the complete walk of
     * a ten-year trail (1.5 million events) takes about ten seconds.
     */
    public AuditCheck verifySince(DSLContext dsl, AuditHead verified, LongConsumer progress) {
        AuditRepository repo = new AuditRepository(dsl);
        // The head is read first: events appended while the walk runs are beyond it and are not judged.
        AuditHead head = repo.head();
        String prev = AuditChain.GENESIS;
        long expected = 1;
        long checked = 0;
        if (verified != null && verified.seq() > 0) {
            Optional<AuditRecord> at = repo.find(verified.seq());
            if (at.isEmpty() || !at.get().rowHash().equals(verified.hash()) || !AuditChain.hashOf(at.get()).equals(verified.hash())) {
                return AuditCheck.broken(0, verified.seq(), "event " + verified.seq() + " differs from when the trail was last verified");
            }
            prev = verified.hash();
            expected = verified.seq() + 1;
        }
        walk:
        while (true) {
            List<AuditRecord> page = repo.pageAfter(expected - 1, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                if (r.seq() > head.seq()) {
                    break walk;
                }
                if (r.seq() != expected) {
                    return AuditCheck.broken(checked, expected, "event " + expected + " is missing");
                }
                if (!r.prevHash().equals(prev)) {
                    return AuditCheck.broken(checked, r.seq(), "event " + r.seq() + " does not follow event "
                            + (r.seq() - 1) + " (deleted, inserted or reordered)");
                }
                if (!AuditChain.hashOf(r).equals(r.rowHash())) {
                    return AuditCheck.broken(checked, r.seq(), "event " + r.seq() + " was altered");
                }
                prev = r.rowHash();
                expected++;
                checked++;
            }
            progress.accept(checked);
        }
        long last = expected - 1;
        if (repo.maxSeq() > repo.head().seq()) {
            return AuditCheck.broken(checked, repo.head().seq() + 1, "there are events after the trail's head (added outside the application)");
        }
        if (head.seq() != last || !head.hash().equals(prev)) {
            return AuditCheck.broken(checked, Math.min(head.seq(), last) + 1,
                    "the trail ends at event " + last + " but its head says " + head.seq() + " (events cut off)");
        }
        Optional<AuditHead> outside = anchor.read();
        if (outside.isEmpty() && last > 0) {
            return AuditCheck.broken(checked, last, "the copy of the audit head kept outside the database is missing");
        }
        if (outside.isPresent()) {
            AuditHead a = outside.get();
            if (a.seq() > last) {
                return AuditCheck.broken(checked, last + 1, "the trail ends at event " + last
                        + " but event " + a.seq() + " was recorded (events cut off)");
            }
            Optional<AuditRecord> at = a.seq() == 0 ? Optional.empty() : repo.find(a.seq());
            if (a.seq() > 0 && (at.isEmpty() || !at.get().rowHash().equals(a.hash()))) {
                return AuditCheck.broken(checked, a.seq(), "event " + a.seq() + " differs from the recorded copy");
            }
        }
        return AuditCheck.ok(checked);
    }
}
