package clinic.threshold.security;

import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.user.UserSession;
import java.util.Optional;

/** The one signed-in user of this process (a workstation has one person at the keyboard at a time). */
public final class SessionHolder {
    private volatile UserSession current;

    public Optional<UserSession> current() {
        return Optional.ofNullable(current);
    }

    public void signIn(UserSession session) {
        this.current = session;
    }

    public void signOut() {
        this.current = null;
    }

    /** The session, or {@link AccessDeniedException} naming {@code permission} when nobody may act. */
    public UserSession require(String permission) {
        UserSession s = current;
        if (s == null || !s.may(permission)) {
            throw new AccessDeniedException(permission);
        }
        return s;
    }
}
