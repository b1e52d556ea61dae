package clinic.threshold.audit;

import clinic.threshold.domain.audit.AuditHead;

import java.util.Optional;

/**
 * A copy of the chain's head kept outside the database, updated after each commit that added events.
 * Someone who deletes the newest events and rewrites the in-database head still cannot match it.
 */
public interface AuditAnchor {
    Optional<AuditHead> read();

    void write(AuditHead head);

    /** For tests and tools that run without an anchor. */
    AuditAnchor NONE = new AuditAnchor() {
        @Override
        public Optional<AuditHead> read() {
            return Optional.empty();
        }

        @Override
        public void write(AuditHead head) {
            // nothing kept
        }
    };
}
