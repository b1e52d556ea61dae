package clinic.threshold.service.common;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.SessionHolder;

/**
 * The one permission check every service method starts with. A refusal is itself audited (outcome
 * DENIED, in a transaction of its own, since the use case does nothing else).
 */
public final class Guard {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Guard.class);
    private final SessionHolder sessions;
    private final AuditLog audit;

    public Guard(SessionHolder sessions, AuditLog audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The signed-in user when they hold {@code permission}; otherwise audits the refusal and throws. */
    public UserSession require(String permission, String action, Long patientId) {
        try {
            return sessions.require(permission);
        } catch (AccessDeniedException e) {
            Actor who = sessions.current().map(UserSession::actor).orElse(Actor.SYSTEM);
            try {
                audit.appendAlone(who, new AuditEntry(action, patientId == null ? AuditCategory.SECURITY
                        : AuditCategory.PATIENT, patientId, patientId == null ? null : "patient",
                        patientId == null ? null : patientId.toString(), AuditOutcome.DENIED,
                        "missing permission " + permission));
            } catch (RuntimeException closed) {
                // After sign-out the database is closed: the refusal stands, there is nowhere to record it.
                LOG.warn("Refused call could not be audited: {}", closed.getClass().getSimpleName());
            }
            throw e;
        }
    }

    /** The signed-in user, whatever their role (for reference lists and settings every screen needs). */
    public UserSession signedIn() {
        return sessions.current().orElseThrow(() -> new AccessDeniedException("signed-in user"));
    }

    /** Whether the signed-in user holds {@code permission}, without auditing (for shaping what is shown). */
    public boolean may(String permission) {
        return sessions.current().map(s -> s.may(permission)).orElse(false);
    }

    public AuditLog audit() {
        return audit;
    }
}
