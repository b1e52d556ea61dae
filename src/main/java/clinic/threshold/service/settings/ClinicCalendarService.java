package clinic.threshold.service.settings;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.settings.SettingsRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.ClinicClosure;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The clinic's calendar: the weekdays it is open and its closures (one-off days and yearly holidays). Course plans
 * skip closed days. Anyone signed in reads it; administrators with {@code settings.admin} change it, audited.
 */
public final class ClinicCalendarService {
    private static final int MAX_LABEL = 80;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public ClinicCalendarService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** The calendar as set up: open weekdays and active closures. */
    public record Setup(Set<DayOfWeek> openDays, List<ClinicClosure> closures) {
        public Setup {
            openDays = openDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(openDays));
            closures = List.copyOf(closures);
        }
    }

    public Setup setup() {
        guard.signedIn();
        return tx.read(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            ClinicCalendar cal = r.calendar();
            return new Setup(cal.openDays(), r.closures());
        });
    }

    /** Sets the open weekdays (at least one). */
    public void setOpenDays(Set<DayOfWeek> days) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "settings.calendar", null);
        if (days == null || days.isEmpty()) {
            throw new ValidationException(Violation.of("openDays", "settings.calendar.error.noOpenDay"));
        }
        String value = EnumSet.copyOf(days).stream().map(Enum::name).collect(Collectors.joining(","));
        tx.inTransaction(dsl -> {
            new SettingsRepository(dsl).put(TmsReferenceRepository.OPEN_DAYS_SETTING, value, clock.instant());
            guard.audit().append(dsl, s.actor(), AuditEntry.security("settings.calendar", AuditOutcome.SUCCESS, "setting",
                    null, "open days " + value));
            return null;
        });
    }

    /** Adds a closure; the same day (and the same yearly holiday) cannot be closed twice. */
    public long addClosure(LocalDate day, boolean yearly, String label) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "settings.calendar", null);
        if (day == null) {
            throw new ValidationException(Violation.of("closureDate", "validation.required"));
        }
        if (label == null || label.isBlank()) {
            throw new ValidationException(Violation.of("closureLabel", "validation.required"));
        }
        if (label.strip().length() > MAX_LABEL) {
            throw new ValidationException(Violation.of("closureLabel", "settings.calendar.error.tooLong", MAX_LABEL));
        }
        return tx.inTransaction(dsl -> {
            TmsReferenceRepository r = new TmsReferenceRepository(dsl);
            boolean taken = r.closures().stream().anyMatch(c -> yearly
                    ? c.yearly() && c.date().getMonth() == day.getMonth() && c.date().getDayOfMonth() == day.getDayOfMonth()
                    : !c.yearly() && c.date().equals(day));
            if (taken) {
                throw new ValidationException(Violation.of("closureDate", "settings.calendar.error.duplicate", day));
            }
            long id = r.addClosure(day, yearly, label.strip());
            guard.audit().append(dsl, s.actor(), AuditEntry.security("settings.calendar", AuditOutcome.SUCCESS,
                    "clinic_closure", Long.toString(id), "closed " + day + (yearly ? " every year" : "") + ": "
                            + label.strip()));
            return id;
        });
    }

    public void removeClosure(ClinicClosure c) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "settings.calendar", null);
        tx.inTransaction(dsl -> {
            if (!new TmsReferenceRepository(dsl).deactivateClosure(c.id(), c.version())) {
                throw new ConcurrentEditException("ClinicClosure", c.id());
            }
            guard.audit().append(dsl, s.actor(), AuditEntry.security("settings.calendar", AuditOutcome.SUCCESS,
                    "clinic_closure", Long.toString(c.id()), "reopened " + c.date()));
            return null;
        });
    }
}
