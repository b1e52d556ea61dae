package clinic.threshold.service.settings;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.UserField;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.ZoneId;

/**
 * Clinic settings: its name and time zone (set at setup) and the idle timers. Idle lock 1-30 minutes
 * (default 10) and sign-out (default 30, never before the lock) are HIPAA automatic-logoff settings.
 */
public final class SettingsService {
    public static final String CLINIC_NAME = "clinic.name";
    public static final String TIME_ZONE = "clinic.timeZone";
    public static final String IDLE_LOCK = "session.idleLockMinutes";
    public static final String SIGN_OUT = "session.signOutMinutes";
    /** Whether the clinic holds licences for licensed instruments (BDI-II): then their items may be entered. */
    public static final String LICENSED_ITEMS = "outcome.licensedItems";
    public static final int IDLE_LOCK_DEFAULT = 10;
    public static final int IDLE_LOCK_MIN = 1;
    public static final int IDLE_LOCK_MAX = 30;
    public static final int SIGN_OUT_DEFAULT = 30;
    public static final int SIGN_OUT_MAX = 240;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public SettingsService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** The idle timers in force. */
    public record IdleTimes(int lockMinutes, int signOutMinutes) {
    }

    public IdleTimes idleTimes() {
        guard.signedIn();
        return tx.read(dsl -> {
            SettingsRepository s = new SettingsRepository(dsl);
            return new IdleTimes(s.get(IDLE_LOCK).map(Integer::parseInt).orElse(IDLE_LOCK_DEFAULT),
                    s.get(SIGN_OUT).map(Integer::parseInt).orElse(SIGN_OUT_DEFAULT));
        });
    }

    public String clinicName() {
        guard.signedIn();
        return tx.read(dsl -> new SettingsRepository(dsl).get(CLINIC_NAME).orElse(""));
    }

    public ZoneId timeZone() {
        return tx.read(dsl -> new SettingsRepository(dsl).get(TIME_ZONE).map(ZoneId::of).orElse(clock.getZone()));
    }

    public boolean licensedItems() {
        guard.signedIn();
        return tx.read(dsl -> new SettingsRepository(dsl).get(LICENSED_ITEMS).map(Boolean::parseBoolean).orElse(false));
    }

    /** Records whether the clinic holds the licences of licensed instruments (permission settings.admin); audited. */
    public void setLicensedItems(boolean licensed) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "settings.licences", null);
        tx.inTransaction(dsl -> {
            new SettingsRepository(dsl).put(LICENSED_ITEMS, Boolean.toString(licensed), clock.instant());
            guard.audit().append(dsl, s.actor(), AuditEntry.security("settings.licences", AuditOutcome.SUCCESS, "setting",
                    null, "licensed instrument items " + (licensed ? "allowed" : "not allowed")));
            return null;
        });
    }

    /** Changes the idle timers (permission settings.admin); audited with old and new values. */
    public IdleTimes setIdleTimes(int lockMinutes, int signOutMinutes) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "settings.idle", null);
        if (lockMinutes < IDLE_LOCK_MIN || lockMinutes > IDLE_LOCK_MAX) {
            throw new ValidationException(Violation.of(UserField.IDLE_LOCK, "validation.range", IDLE_LOCK_MIN,
                    IDLE_LOCK_MAX));
        }
        if (signOutMinutes < lockMinutes || signOutMinutes > SIGN_OUT_MAX) {
            throw new ValidationException(Violation.of(UserField.SIGN_OUT, "validation.range", lockMinutes,
                    SIGN_OUT_MAX));
        }
        IdleTimes before = idleTimes();
        return tx.inTransaction(dsl -> {
            SettingsRepository r = new SettingsRepository(dsl);
            r.put(IDLE_LOCK, Integer.toString(lockMinutes), clock.instant());
            r.put(SIGN_OUT, Integer.toString(signOutMinutes), clock.instant());
            guard.audit().append(dsl, s.actor(), AuditEntry.security("settings.idle", AuditOutcome.SUCCESS,
                    "setting", null, "lock " + before.lockMinutes() + " -> " + lockMinutes + " min, sign-out "
                            + before.signOutMinutes() + " -> " + signOutMinutes + " min"));
            return new IdleTimes(lockMinutes, signOutMinutes);
        });
    }
}
