package clinic.threshold.service.security;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.data.audit.AuditRepository;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditCheck;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditHead;
import clinic.threshold.domain.audit.AuditOutcome;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The audit trail's checks around a sign-in (ADR 0022): at sign-in, the events since the last complete walk found the
 * trail intact; after it, on a background thread, the complete walk again, which moves that mark on when it passes
 * and reports the first bad event when it does not. A ten-year trail takes about ten seconds to walk, which sign-in
 * no longer waits for.
 */
final class AuditWatch {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditWatch.class);
    private final Transactor tx;
    private final AuditVerifier verifier;
    private final FileAuditAnchor mark;
    private volatile boolean stopping;
    private Thread walker;

    AuditWatch(Transactor tx, AuditVerifier verifier, Path dataDir) {
        this.tx = tx;
        this.verifier = verifier;
        this.mark = new FileAuditAnchor(dataDir.resolve("audit.verified"));
    }

    /** The events after the last complete walk's mark (all of them when there is none or it cannot be read). */
    AuditCheck atSignIn() {
        Optional<AuditHead> m = mark.read().filter(h -> h.seq() != Long.MAX_VALUE);
        return tx.read(dsl -> verifier.verifySince(dsl, m.orElse(null), n -> { }));
    }

    /** Starts the complete walk; {@code broken} hears the problem if the trail does not hold. */
    synchronized void walkInBackground(AuditLog audit, Consumer<String> broken) {
        walker = new Thread(() -> walk(audit, broken), "threshold-audit-walk");
        walker.setDaemon(true);
        walker.setPriority(Thread.MIN_PRIORITY);
        walker.start();
    }

    private void walk(AuditLog audit, Consumer<String> broken) {
        try {
            AuditHead[] head = new AuditHead[1];
            AuditCheck r = tx.read(dsl -> {
                head[0] = new AuditRepository(dsl).head();
                return verifier.verify(dsl, n -> {
                    if (stopping) {
                        throw new Stopped(); // checked between pages: the clinic is closing
                    }
                });
            });
            if (r.intact()) {
                mark.write(head[0]);
            } else {
                broken.accept(r.problem());
                audit.appendAlone(Actor.SYSTEM, AuditEntry.security("audit.verify", AuditOutcome.FAILED, "audit", null,
                        "after sign-in: " + r.problem()));
            }
        } catch (Stopped e) {
            // closing: the next sign-in walks again
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("The audit trail walk after sign-in failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Stops a walk under way (between pages, without interrupting the database's file work) and waits for it. */
    void stop() {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = walker;
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
