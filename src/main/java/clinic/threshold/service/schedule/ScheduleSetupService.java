package clinic.threshold.service.schedule;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.Physician;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.domain.schedule.WeeklyHours;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scheduling set-up (issue 9): clinic hours, chairs, technicians, supervising physicians ({@code
 * settings.admin}), and chairs out of service or technicians away ({@code schedule.write}). Anyone signed in reads
 * it. Every change is checked whole before anything is written, and audited.
 */
public final class ScheduleSetupService {
    private static final int MAX_NAME = 40;
    private static final int MAX_PERSON = 80;
    private static final int MAX_REASON = 200;
    private static final int MAX_CHAIRS_AT_ONCE = 6;

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public ScheduleSetupService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** A chair as typed: {@code ownHours} null when it keeps the clinic's hours. */
    public record ChairForm(long id, int version, String name, String deviceCode, String coil, Set<String> protocols,
            List<HoursRow> ownHours, boolean active) {
    }

    public record TechnicianForm(long id, int version, String name, String username, int maxChairs, Set<Long> chairs,
            Set<String> protocols, List<HoursRow> hours, boolean active) {
    }

    public record PhysicianForm(long id, int version, String name, String username, List<HoursRow> hours, boolean active) {
    }

    public ScheduleResources resources() {
        guard.signedIn();
        return tx.read(dsl -> new ResourceRepository(dsl).load());
    }

    public void setClinicHours(List<HoursRow> rows) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "schedule.setup", null);
        WeeklyHours h = HoursForm.parse("hours", rows);
        if (h.days().isEmpty()) {
            throw new ValidationException(Violation.of("hours", "schedule.error.noClinicHours"));
        }
        tx.inTransaction(dsl -> {
            new ResourceRepository(dsl).replaceHours("CLINIC", 0, h);
            audit(dsl, s, "clinic hours", "hours", 0);
            return null;
        });
    }

    public long saveChair(ChairForm f) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "schedule.setup", null);
        List<Violation> problems = new ArrayList<>();
        String name = name(f.name(), MAX_NAME, problems);
        if (f.deviceCode() == null || f.deviceCode().isBlank()) {
            problems.add(Violation.of("device", "validation.required"));
        }
        if (f.coil() == null || f.coil().isBlank()) {
            problems.add(Violation.of("coil", "validation.required"));
        }
        if (f.protocols() == null || f.protocols().isEmpty()) {
            problems.add(Violation.of("protocols", "schedule.error.chairWithoutProtocol"));
        }
        WeeklyHours hours = f.ownHours() == null ? null : hoursOrCollect("hours", f.ownHours(), problems);
        return tx.inTransaction(dsl -> {
            ResourceRepository repo = new ResourceRepository(dsl);
            if (name != null && repo.chairNameTaken(name, f.id())) {
                problems.add(Violation.of("name", "schedule.error.nameTaken", name));
            }
            knownProtocols(dsl, f.protocols(), problems);
            if (f.deviceCode() != null && new TmsReferenceRepository(dsl).devices().stream()
                    .noneMatch(d -> d.code().equals(f.deviceCode()))) {
                problems.add(Violation.of("device", "schedule.error.unknownDevice", f.deviceCode()));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = repo.saveChair(new Chair(f.id(), name, f.deviceCode(), f.coil().strip(), f.protocols(), hours, f.active()),
                    f.version());
            if (id < 0) {
                throw new ConcurrentEditException("Chair", f.id());
            }
            audit(dsl, s, "chair " + name + (f.active() ? "" : " (out of use)"), "tms_chair", id);
            return id;
        });
    }

    public long saveTechnician(TechnicianForm f) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "schedule.setup", null);
        List<Violation> problems = new ArrayList<>();
        String name = name(f.name(), MAX_PERSON, problems);
        if (f.maxChairs() < 1 || f.maxChairs() > MAX_CHAIRS_AT_ONCE) {
            problems.add(Violation.of("maxChairs", "schedule.error.maxChairs", MAX_CHAIRS_AT_ONCE));
        }
        WeeklyHours hours = hoursOrCollect("hours", f.hours(), problems);
        return tx.inTransaction(dsl -> {
            ResourceRepository repo = new ResourceRepository(dsl);
            if (name != null && repo.technicianNameTaken(name, f.id())) {
                problems.add(Violation.of("name", "schedule.error.nameTaken", name));
            }
            knownProtocols(dsl, f.protocols(), problems);
            Set<Long> chairs = repo.load().chairs().stream().map(Chair::id).collect(Collectors.toSet());
            if (!chairs.containsAll(f.chairs())) {
                problems.add(Violation.of("chairs", "schedule.error.unknownChair"));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = repo.saveTechnician(new Technician(f.id(), blankToNull(f.username()), name, hours, f.chairs(), f.protocols(),
                    f.maxChairs(), f.active()), f.version());
            if (id < 0) {
                throw new ConcurrentEditException("Technician", f.id());
            }
            audit(dsl, s, "technician " + name, "technician", id);
            return id;
        });
    }

    public long savePhysician(PhysicianForm f) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "schedule.setup", null);
        List<Violation> problems = new ArrayList<>();
        String name = name(f.name(), MAX_PERSON, problems);
        WeeklyHours hours = hoursOrCollect("hours", f.hours(), problems);
        return tx.inTransaction(dsl -> {
            ResourceRepository repo = new ResourceRepository(dsl);
            if (name != null && repo.physicianNameTaken(name, f.id())) {
                problems.add(Violation.of("name", "schedule.error.nameTaken", name));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = repo.savePhysician(new Physician(f.id(), name, blankToNull(f.username()), hours, f.active()), f.version());
            if (id < 0) {
                throw new ConcurrentEditException("Physician", f.id());
            }
            audit(dsl, s, "supervising physician " + name, "supervising_physician", id);
            return id;
        });
    }

    /** Takes a chair out of service or marks a technician away for whole days; re-flow then moves the bookings. */
    public long addAbsence(Absence.Kind kind, long resourceId, LocalDate from, LocalDate to, String reason) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.absence", null);
        List<Violation> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(Violation.of("resource", "validation.required"));
        }
        if (from == null) {
            problems.add(Violation.of("from", "validation.required"));
        }
        if (to == null) {
            problems.add(Violation.of("to", "validation.required"));
        } else if (from != null && to.isBefore(from)) {
            problems.add(Violation.of("to", "schedule.error.absenceOrder"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add(Violation.of("reason", "validation.required"));
        } else if (why.length() > MAX_REASON) {
            problems.add(Violation.of("reason", "validation.tooLong", MAX_REASON));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inTransaction(dsl -> {
            ResourceRepository repo = new ResourceRepository(dsl);
            ScheduleResources r = repo.load();
            boolean known = kind == Absence.Kind.CHAIR ? r.chairs().stream().anyMatch(c -> c.id() == resourceId)
                    : r.technicians().stream().anyMatch(t -> t.id() == resourceId);
            if (!known) {
                throw new ValidationException(Violation.of("resource", "schedule.error.unknownResource"));
            }
            if (r.absences().stream().anyMatch(a -> a.kind() == kind && a.resourceId() == resourceId
                    && !a.to().isBefore(from) && !a.from().isAfter(to))) {
                throw new ValidationException(Violation.of("from", "schedule.error.absenceOverlap"));
            }
            long id = repo.insertAbsence(new Absence(0, kind, resourceId, from, to, why), s.username(), clock.instant());
            audit(dsl, s, kind + " " + resourceId + " away " + from + ".." + to, "resource_absence", id);
            return id;
        });
    }

    public void endAbsence(long id) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.absence", null);
        tx.inTransaction(dsl -> {
            if (!new ResourceRepository(dsl).endAbsence(id)) {
                throw new ConcurrentEditException("Absence", id);
            }
            audit(dsl, s, "absence withdrawn", "resource_absence", id);
            return null;
        });
    }

    private void audit(org.jooq.DSLContext dsl, UserSession s, String detail, String entity, long id) {
        guard.audit().append(dsl, s.actor(), new AuditEntry("schedule.setup", AuditCategory.ADMIN, null, entity,
                Long.toString(id), AuditOutcome.SUCCESS, detail));
    }

    private static void knownProtocols(org.jooq.DSLContext dsl, Set<String> codes, List<Violation> problems) {
        Set<String> known = new TmsReferenceRepository(dsl).protocols().stream().map(Protocol::code).collect(Collectors.toSet());
        codes.stream().filter(c -> !known.contains(c)).findFirst()
                .ifPresent(c -> problems.add(Violation.of("protocols", "schedule.error.unknownProtocol", c)));
    }

    private static WeeklyHours hoursOrCollect(String field, List<HoursRow> rows, List<Violation> problems) {
        try {
            return HoursForm.parse(field, rows);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
            return null;
        }
    }

    private static String name(String typed, int max, List<Violation> problems) {
        String n = typed == null ? "" : typed.strip();
        if (n.isEmpty()) {
            problems.add(Violation.of("name", "validation.required"));
            return null;
        }
        if (n.length() > max) {
            problems.add(Violation.of("name", "validation.tooLong", max));
            return null;
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
