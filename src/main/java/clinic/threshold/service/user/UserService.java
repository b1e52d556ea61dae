package clinic.threshold.service.user;

import clinic.threshold.domain.user.UserAccount;
import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Role;
import clinic.threshold.domain.user.UserField;
import clinic.threshold.domain.user.UserRules;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.security.PasswordHasher;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.security.Secrets;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.security.AccountKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administering accounts (permission {@code user.admin}): create, deactivate (never delete), reactivate,
 * reset a password (the user must change it at the next sign-in), assign roles, unlock. Every change is
 * audited; passwords never appear in the trail.
 */
public final class UserService {
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;
    private final PasswordHasher hasher;
    private final AccountKeys keys;

    public UserService(Transactor tx, Clock clock, Guard guard, PasswordHasher hasher, AccountKeys keys) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
        this.hasher = hasher;
        this.keys = keys;
    }

    /** Every account, active or not, by user name, with whether sign-in is locked. */
    public List<UserAccount> list() {
        guard.require(Permission.USER_ADMIN, "user.list", null);
        return tx.read(dsl -> new UserRepository(dsl).all()).stream()
                .map(u -> new UserAccount(u, keys.isLocked(UserRules.key(u.username())))).toList();
    }

    /** Role codes with their names, for the role picker. */
    public Map<String, String> roles() {
        guard.require(Permission.USER_ADMIN, "user.roles", null);
        return tx.read(dsl -> new UserRepository(dsl).roleNames());
    }

    /**
     * Creates an account with a temporary password the person must change at first sign-in. Clears
     * {@code temporaryPassword}.
     */
    public AppUser create(String username, String displayName, Set<String> roles, char[] temporaryPassword) {
        UserSession s = guard.require(Permission.USER_ADMIN, "user.create", null);
        try {
            List<Violation> v = new ArrayList<>(UserRules.validateAccount(username, displayName, roles));
            v.addAll(UserRules.validatePassword(temporaryPassword, null));
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            String key = UserRules.key(username);
            String hash = hasher.hash(temporaryPassword);
            AppUser u = tx.inTransaction(dsl -> {
                UserRepository repo = new UserRepository(dsl);
                if (repo.usernameTaken(key)) {
                    throw new ValidationException(Violation.of(UserField.USERNAME, "validation.username.taken"));
                }
                long id = repo.insert(key, key, displayName.strip(), hash, true, roles, clock.instant());
                // Failures counted against this name before the account existed (on a server every name is counted)
                // must not leave the new account locked.
                keys.unlock(tx, dsl, key);
                guard.audit().append(dsl, s.actor(), AuditEntry.security("user.create", AuditOutcome.SUCCESS,
                        "user", Long.toString(id), "username " + key + ", roles " + roles));
                return repo.findById(id).orElseThrow();
            });
            keys.wrapFor(key, temporaryPassword);
            return u;
        } finally {
            Secrets.clear(temporaryPassword);
        }
    }

    /**
     * Deactivates or reactivates an account. The last active administrator cannot be deactivated. A
     * deactivated user's key wrap is removed, so their password opens nothing even with an old key file in
     * hand; after reactivation an administrator sets a temporary password.
     */
    public AppUser setActive(long userId, boolean active) {
        UserSession s = guard.require(Permission.USER_ADMIN, active ? "user.reactivate" : "user.deactivate", null);
        AppUser changed = tx.inTransaction(dsl -> {
            UserRepository repo = new UserRepository(dsl);
            AppUser u = repo.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
            if (!active && u.roles().contains(Role.ADMIN) && u.active() && repo.countActiveWithRole(Role.ADMIN) <= 1) {
                throw new ValidationException(Violation.of(UserField.ROLES, "validation.user.lastAdmin"));
            }
            repo.setActive(userId, active, clock.instant());
            guard.audit().append(dsl, s.actor(), AuditEntry.security(active ? "user.reactivate" : "user.deactivate",
                    AuditOutcome.SUCCESS, "user", Long.toString(userId), "username " + u.username()));
            return repo.findById(userId).orElseThrow();
        });
        if (!active) {
            keys.removeWrap(UserRules.key(changed.username()));
        }
        return changed;
    }

    /** Replaces an account's roles; the last active administrator keeps the administrator role. */
    public AppUser setRoles(long userId, Set<String> roles) {
        UserSession s = guard.require(Permission.USER_ADMIN, "user.roles.change", null);
        if (roles == null || roles.isEmpty()) {
            throw new ValidationException(Violation.of(UserField.ROLES, "validation.roles.required"));
        }
        return tx.inTransaction(dsl -> {
            UserRepository repo = new UserRepository(dsl);
            AppUser u = repo.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
            if (u.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && u.active()
                    && repo.countActiveWithRole(Role.ADMIN) <= 1) {
                throw new ValidationException(Violation.of(UserField.ROLES, "validation.user.lastAdmin"));
            }
            repo.setRoles(userId, roles);
            guard.audit().append(dsl, s.actor(), AuditEntry.security("user.roles.change", AuditOutcome.SUCCESS,
                    "user", Long.toString(userId), "roles " + u.roles() + " -> " + roles));
            return repo.findById(userId).orElseThrow();
        });
    }

    /** Sets a temporary password the user must change at the next sign-in. Clears {@code temporaryPassword}. */
    public void resetPassword(long userId, char[] temporaryPassword) {
        UserSession s = guard.require(Permission.USER_ADMIN, "user.password.reset", null);
        try {
            List<Violation> v = UserRules.validatePassword(temporaryPassword, null);
            if (!v.isEmpty()) {
                throw new ValidationException(v);
            }
            String hash = hasher.hash(temporaryPassword);
            String key = tx.inTransaction(dsl -> {
                UserRepository repo = new UserRepository(dsl);
                AppUser u = repo.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
                repo.setPasswordHash(userId, hash, true, clock.instant());
                guard.audit().append(dsl, s.actor(), AuditEntry.security("user.password.reset",
                        AuditOutcome.SUCCESS, "user", Long.toString(userId), "username " + u.username()));
                return UserRules.key(u.username());
            });
            keys.wrapFor(key, temporaryPassword);
        } finally {
            Secrets.clear(temporaryPassword);
        }
    }

    /** Permission codes with descriptions, and each role's current permissions, for the role editor. */
    public record RoleMatrix(Map<String, String> permissions, Map<String, Set<String>> roles) {
    }

    public RoleMatrix roleMatrix() {
        guard.require(Permission.USER_ADMIN, "role.list", null);
        return tx.read(dsl -> {
            UserRepository repo = new UserRepository(dsl);
            return new RoleMatrix(repo.permissionCatalog(), repo.rolePermissions());
        });
    }

    /**
     * Sets which permissions a role holds (applies at each user's next sign-in). The administrator role
     * always keeps user.admin, so that nobody can lock the clinic out of its own accounts.
     */
    public void setRolePermissions(String role, Set<String> permissions) {
        UserSession s = guard.require(Permission.USER_ADMIN, "role.permissions.change", null);
        if (Role.ADMIN.equals(role) && !permissions.contains(Permission.USER_ADMIN)) {
            throw new ValidationException(Violation.of(UserField.ROLES, "validation.role.adminKeepsUserAdmin"));
        }
        tx.inTransaction(dsl -> {
            UserRepository repo = new UserRepository(dsl);
            Set<String> before = repo.rolePermissions().getOrDefault(role, Set.of());
            if (!repo.permissionCatalog().keySet().containsAll(permissions) || !repo.roleNames().containsKey(role)) {
                throw new ValidationException(Violation.of(UserField.ROLES, "validation.role.unknown"));
            }
            repo.setRolePermissions(role, permissions);
            guard.audit().append(dsl, s.actor(), AuditEntry.security("role.permissions.change", AuditOutcome.SUCCESS,
                    "role", role, before + " -> " + new java.util.TreeSet<>(permissions)));
            return null;
        });
    }

    /** Lifts the lock set after repeated failed sign-ins. */
    public void unlock(long userId) {
        UserSession s = guard.require(Permission.USER_ADMIN, "user.unlock", null);
        tx.inTransaction(dsl -> {
            AppUser u = new UserRepository(dsl).findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
            guard.audit().append(dsl, s.actor(), AuditEntry.security("user.unlock", AuditOutcome.SUCCESS, "user",
                    Long.toString(userId), "username " + u.username()));
            keys.unlock(tx, dsl, UserRules.key(u.username()));
            return null;
        });
    }
}
