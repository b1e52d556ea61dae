package clinic.threshold.domain.user;

import clinic.threshold.domain.audit.Actor;
import java.util.Set;

/** The signed-in user: who they are and what they may do, fixed at sign-in. */
public record UserSession(long userId, String username, String displayName, Set<String> roles,
                          Set<String> permissions, boolean mustChangePassword) {

    public UserSession {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    public boolean may(String permission) {
        return permissions.contains(permission);
    }

    public Actor actor() {
        return new Actor(userId, username);
    }
}
