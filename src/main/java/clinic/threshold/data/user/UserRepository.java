package clinic.threshold.data.user;

import static clinic.threshold.data.jooq.Tables.APP_PERMISSION;
import static clinic.threshold.data.jooq.Tables.APP_ROLE;
import static clinic.threshold.data.jooq.Tables.APP_USER;
import static clinic.threshold.data.jooq.Tables.ROLE_PERMISSION;
import static clinic.threshold.data.jooq.Tables.USER_ROLE;

import clinic.threshold.data.jooq.tables.records.AppUserRecord;
import clinic.threshold.domain.user.AppUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;

/** Accounts, their roles and the permissions those roles hold. No delete: accounts are deactivated. */
public final class UserRepository {
    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stored row with its password hash, for sign-in. */
    public record Credentials(AppUser user, String passwordHash) {
    }

    public long insert(String username, String usernameKey, String displayName, String passwordHash,
                       boolean mustChange, Set<String> roles, Instant now) {
        AppUserRecord r = dsl.newRecord(APP_USER);
        r.setUsername(username);
        r.setUsernameKey(usernameKey);
        r.setDisplayName(displayName);
        r.setPasswordHash(passwordHash);
        r.setMustChangePassword(mustChange);
        r.setActive(true);
        r.setCreatedAt(now.atOffset(ZoneOffset.UTC));
        r.setUpdatedAt(now.atOffset(ZoneOffset.UTC));
        r.setVersion(1);
        r.store();
        setRoles(r.getId(), roles);
        return r.getId();
    }

    public boolean usernameTaken(String usernameKey) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME_KEY.eq(usernameKey));
    }

    public Optional<Credentials> credentials(String usernameKey) {
        return dsl.selectFrom(APP_USER).where(APP_USER.USERNAME_KEY.eq(usernameKey)).fetchOptional()
                .map(r -> new Credentials(toUser(r), r.getPasswordHash()));
    }

    public Optional<AppUser> findById(long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional().map(this::toUser);
    }

    public List<AppUser> all() {
        return dsl.selectFrom(APP_USER).orderBy(APP_USER.USERNAME_KEY).fetch(this::toUser);
    }

    public void setPasswordHash(long id, String hash, boolean mustChange, Instant now) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUST_CHANGE_PASSWORD, mustChange)
                .set(APP_USER.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id)).execute();
    }

    public void setActive(long id, boolean active, Instant now) {
        dsl.update(APP_USER).set(APP_USER.ACTIVE, active).set(APP_USER.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1)).where(APP_USER.ID.eq(id)).execute();
    }

    public void setRoles(long userId, Set<String> roles) {
        dsl.deleteFrom(USER_ROLE).where(USER_ROLE.USER_ID.eq(userId)).execute();
        for (String role : roles) {
            dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE_CODE).values(userId, role).execute();
        }
    }

    public Set<String> permissionsOf(Set<String> roles) {
        return new TreeSet<>(dsl.selectDistinct(ROLE_PERMISSION.PERMISSION_CODE).from(ROLE_PERMISSION)
                .where(ROLE_PERMISSION.ROLE_CODE.in(roles)).fetch(ROLE_PERMISSION.PERMISSION_CODE));
    }

    /** Role codes with their display names, in a stable order. */
    public Map<String, String> roleNames() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        dsl.selectFrom(APP_ROLE).orderBy(APP_ROLE.CODE).forEach(r -> out.put(r.getCode(), r.getName()));
        return out;
    }

    /** Every permission code with what it allows, in code order. */
    public Map<String, String> permissionCatalog() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        dsl.selectFrom(APP_PERMISSION).orderBy(APP_PERMISSION.CODE).forEach(r -> out.put(r.getCode(), r.getDescription()));
        return out;
    }

    /** Each role's permissions. */
    public Map<String, Set<String>> rolePermissions() {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        roleNames().keySet().forEach(r -> out.put(r, new TreeSet<>()));
        dsl.selectFrom(ROLE_PERMISSION).forEach(r -> out.computeIfAbsent(r.getRoleCode(), k -> new TreeSet<>())
                .add(r.getPermissionCode()));
        return out;
    }

    /** Replaces one role's permissions. */
    public void setRolePermissions(String role, Set<String> permissions) {
        dsl.deleteFrom(ROLE_PERMISSION).where(ROLE_PERMISSION.ROLE_CODE.eq(role)).execute();
        for (String p : permissions) {
            dsl.insertInto(ROLE_PERMISSION, ROLE_PERMISSION.ROLE_CODE, ROLE_PERMISSION.PERMISSION_CODE).values(role, p)
                    .execute();
        }
    }

    public int countActiveWithRole(String role) {
        return dsl.fetchCount(dsl.select(APP_USER.ID).from(APP_USER).join(USER_ROLE).on(USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ACTIVE.isTrue()).and(USER_ROLE.ROLE_CODE.eq(role)));
    }

    private AppUser toUser(AppUserRecord r) {
        Set<String> roles = new TreeSet<>(dsl.select(USER_ROLE.ROLE_CODE).from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(r.getId())).fetch(USER_ROLE.ROLE_CODE));
        return new AppUser(r.getId(), r.getVersion(), r.getUsername(), r.getDisplayName(), roles,
                Boolean.TRUE.equals(r.getActive()), Boolean.TRUE.equals(r.getMustChangePassword()));
    }
}
