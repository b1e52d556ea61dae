package clinic.threshold.service.security;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.UserField;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.security.Secrets;
import clinic.threshold.security.SessionHolder;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The signed-in user's own session: who they are, idle lock and unlock, changing their password. */
public final class SessionService {
    private final Transactor tx;
    private final Clock clock;
    private final SessionHolder sessions;
    private final Guard guard;
    private final PasswordHasher hasher;
    private final AccountKeys keys;

    SessionService(Transactor tx, Clock clock, SessionHolder sessions, Guard guard, PasswordHasher hasher,
                   AccountKeys keys) {
        this.tx = tx;
        this.clock = clock;
        this.sessions = sessions;
        this.guard = guard;
        this.hasher = hasher;
        this.keys = keys;
    }

    public Optional<UserSession> current() {
        return sessions.current();
    }

    /** Records that the screen was locked for inactivity (no patient data is shown until unlocked). */
    public void locked() {
        UserSession s = signedIn();
        guard.audit().appendAlone(s.actor(), AuditEntry.security("session.lock", AuditOutcome.SUCCESS, "user",
                Long.toString(s.userId()), null));
    }

    /**
     * True when {@code password} is the signed-in user's; audits the attempt either way. Clears the password.
     */
    public boolean unlock(char[] password) {
        UserSession s = signedIn();
        try {
            String key = UserRules.key(s.username());
            Optional<UserRepository.Credentials> c = tx.read(dsl -> new UserRepository(dsl).credentials(key));
            // Deactivated or locked meanwhile (on a server, possibly at another workstation): the session does not go on.
            boolean allowed = c.map(x -> x.user().active()).orElse(false) && !keys.isLocked(key);
            boolean ok = hasher.verify(password, c.map(UserRepository.Credentials::passwordHash).orElse(null)) && allowed;
            guard.audit().appendAlone(s.actor(), AuditEntry.security("session.unlock",
                    ok ? AuditOutcome.SUCCESS : allowed ? AuditOutcome.FAILED : AuditOutcome.DENIED, "user",
                    Long.toString(s.userId()), allowed ? null : "account deactivated or locked"));
            return ok;
        } finally {
            Secrets.clear(password);
        }
    }

    /**
     * Changes the signed-in user's password after checking the current one; rewraps the database key
     * under the new password (the database itself is not re-encrypted). Clears all three arrays.
     */
    public void changePassword(char[] current, char[] next, char[] confirm) {
        UserSession s = signedIn();
        try {
            List<Violation> v = UserRules.validatePassword(next, confirm);
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            String key = UserRules.key(s.username());
            String stored = tx.read(dsl -> new UserRepository(dsl).credentials(key))
                    .map(UserRepository.Credentials::passwordHash).orElse(null);
            if (!hasher.verify(current, stored)) {
                guard.audit().appendAlone(s.actor(), AuditEntry.security("user.password.change",
                        AuditOutcome.FAILED, "user", Long.toString(s.userId()), "current password wrong"));
                throw new ValidationException(Violation.of(UserField.PASSWORD, "validation.password.current"));
            }
            String hash = hasher.hash(next);
            tx.inTransaction(dsl -> {
                new UserRepository(dsl).setPasswordHash(s.userId(), hash, false, clock.instant());
                guard.audit().append(dsl, s.actor(), AuditEntry.security("user.password.change",
                        AuditOutcome.SUCCESS, "user", Long.toString(s.userId()), null));
                return null;
            });
            keys.wrapFor(key, next);
            sessions.signIn(new UserSession(s.userId(), s.username(), s.displayName(), s.roles(), s.permissions(),
                    false));
        } finally {
            Secrets.clear(current);
            Secrets.clear(next);
            Secrets.clear(confirm);
        }
    }

    private UserSession signedIn() {
        return sessions.current().orElseThrow(() -> new AccessDeniedException("signed-in user"));
    }
}
