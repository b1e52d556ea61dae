package clinic.threshold.service.audit;

import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.RecordChange;
import clinic.threshold.service.common.Guard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What other workstations changed since a screen last looked (issue 13, ADR 0025). Every change is audited in the same
 * transaction as the change itself, so the trail is a complete, ordered feed of changes: the patients whose records
 * changed after a given event are those of the later events that changed records. Polled by the main window, which
 * tells the open charts and lists; reading the feed is not itself audited (it shows nothing of any record).
 */
public final class ChangeFeed {
    /** Events read per poll; more than this are picked up by the next polls. */
    static final int BATCH = 500;
    private final Transactor tx;
    private final Guard guard;

    public ChangeFeed(Transactor tx, Guard guard) {
        this.tx = tx;
        this.guard = guard;
    }

    /** Patients changed by others after {@code lastSeq} and the event to poll from next time. */
    public record Changes(long lastSeq, Set<Long> patientIds) {
    }

    /** The newest event now: where a screen opened now starts following. */
    public long head() {
        guard.signedIn();
        return tx.read(dsl -> new AuditRepository(dsl).maxSeq());
    }

    /**
     * The patients whose records were changed at other workstations after event {@code lastSeq}. This workstation's own
     * changes are left out (its screens heard of them when they were saved); the same user's changes at another
     * workstation are not.
     */
    public Changes since(long lastSeq) {
        guard.signedIn();
        List<RecordChange> events = tx.read(dsl -> new AuditRepository(dsl).changesAfter(lastSeq, BATCH));
        Set<Long> patients = new LinkedHashSet<>();
        long last = lastSeq;
        for (RecordChange e : events) {
            last = e.seq();
            if (e.patientId() != null && e.changesRecords() && !guard.audit().writtenHere(e.seq(), e.rowHash())) {
                patients.add(e.patientId());
            }
        }
        guard.audit().forgetUpTo(last);
        return new Changes(last, patients);
    }
}
