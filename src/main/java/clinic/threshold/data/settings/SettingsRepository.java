package clinic.threshold.data.settings;

import static clinic.threshold.data.jooq.Tables.CLINIC_SETTING;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** Clinic-wide settings as name/value text. */
public final class SettingsRepository {
    private final DSLContext dsl;

    public SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String name) {
        return dsl.select(CLINIC_SETTING.SETTING_VALUE).from(CLINIC_SETTING).where(CLINIC_SETTING.NAME.eq(name))
                .fetchOptional(CLINIC_SETTING.SETTING_VALUE);
    }

    /** Inserts or replaces (portable: update, then insert when nothing was updated). */
    public void put(String name, String value, Instant now) {
        int n = dsl.update(CLINIC_SETTING).set(CLINIC_SETTING.SETTING_VALUE, value)
                .set(CLINIC_SETTING.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).where(CLINIC_SETTING.NAME.eq(name))
                .execute();
        if (n == 0) {
            dsl.insertInto(CLINIC_SETTING, CLINIC_SETTING.NAME, CLINIC_SETTING.SETTING_VALUE, CLINIC_SETTING.UPDATED_AT)
                    .values(name, value, now.atOffset(ZoneOffset.UTC)).execute();
        }
    }
}
