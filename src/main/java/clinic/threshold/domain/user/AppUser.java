package clinic.threshold.domain.user;

import java.util.Set;

/** A person who signs in. Deactivated users stay for the record; they can no longer sign in. */
public record AppUser(long id, int version, String username, String displayName, Set<String> roles,
                      boolean active, boolean mustChangePassword) {
    public AppUser {
        roles = Set.copyOf(roles);
    }
}
