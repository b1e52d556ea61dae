package clinic.threshold.service.schedule;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.schedule.ResourceRepository;
import clinic.threshold.data.schedule.WaitlistRepository;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.schedule.AutoScheduler;
import clinic.threshold.domain.schedule.Capacity;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.ScheduleState;
import clinic.threshold.domain.schedule.Waitlist;
import clinic.threshold.domain.schedule.WaitlistEntry;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import clinic.threshold.service.tms.PatientCourses;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The waitlist of patients waiting to start a course, who of them fits when capacity frees up, and the chairs'
 * capacity (booked against available minutes) over a range of days.
 */
public final class WaitlistService {
    private static final int MAX_NOTE = 400;
    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public WaitlistService(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    public List<WaitlistEntry> waiting() {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> new WaitlistRepository(dsl).waiting());
    }

    public long add(long patientId, String protocol, Preference preference, String note) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.waitlist", patientId);
        List<Violation> problems = new ArrayList<>();
        if (protocol == null || protocol.isBlank()) {
            problems.add(Violation.of("protocol", "validation.required"));
        }
        if (preference == null) {
            problems.add(Violation.of("window", "validation.required"));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Violation.of("note", "validation.tooLong", MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return tx.inDurableTransaction(dsl -> {
            WaitlistRepository repo = new WaitlistRepository(dsl);
            if (repo.isWaiting(patientId)) {
                throw new ValidationException(Violation.of("patient", "schedule.error.alreadyWaiting"));
            }
            if (PatientCourses.reference(dsl, today()).protocol(protocol).isEmpty()) {
                throw new ValidationException(Violation.of("protocol", "schedule.error.unknownProtocol", protocol));
            }
            long id = repo.add(patientId, protocol, today(), preference, note == null || note.isBlank() ? null : note.strip(),
                    s.username(), clock.instant());
            ScheduleAudit.patient(guard, dsl, s, "schedule.waitlist", patientId, id, "joined the waitlist for " + protocol);
            return id;
        });
    }

    /** Takes a patient off the list: {@code started} when their course begins, otherwise with a reason. */
    public void remove(long id, int version, boolean started, String reason) {
        UserSession s = guard.require(Permission.SCHEDULE_WRITE, "schedule.waitlist", null);
        String why = reason == null ? "" : reason.strip();
        if (!started && why.isEmpty()) {
            throw new ValidationException(Violation.of("reason", "validation.required"));
        }
        tx.inDurableTransaction(dsl -> {
            WaitlistRepository repo = new WaitlistRepository(dsl);
            WaitlistEntry e = repo.waiting().stream().filter(w -> w.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("Waitlist entry", id));
            if (!repo.close(id, version, started ? "STARTED" : "REMOVED", why.isEmpty() ? null : why)) {
                throw new ConcurrentEditException("Waitlist entry", id);
            }
            ScheduleAudit.patient(guard, dsl, s, "schedule.waitlist", e.patientId(), id, started ? "started" : "removed");
            return null;
        });
    }

    /** Who on the list could start on {@code start} with every session of a standard course placed. */
    public List<Waitlist.Fit> whoFits(LocalDate start) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            TmsReference ref = PatientCourses.reference(dsl, today());
            ScheduleResources r = new ResourceRepository(dsl).load();
            List<Waitlist.Waiting> waiting = new ArrayList<>();
            LocalDate last = start;
            for (WaitlistEntry e : new WaitlistRepository(dsl).waiting()) {
                Protocol p = ref.protocol(e.protocolCode()).orElse(null);
                if (p == null) {
                    continue;
                }
                var plan = new CoursePlanner(ref.calendar()).plan(p.template(), start, p.template().acuteSessions()
                        + p.template().taperPattern().stream().mapToInt(Integer::intValue).sum());
                last = plan.isEmpty() || !plan.get(plan.size() - 1).date().isAfter(last) ? last : plan.get(plan.size() - 1).date();
                waiting.add(new Waitlist.Waiting(e.patientName(), e.joinedOn(), new AutoScheduler.CourseFacts(e.patientId(), 0,
                        p.code(), CourseFactsReader.onGrid(p.slotMinutes()), CourseFactsReader.onGrid(p.firstSlotMinutes()),
                        p.template().sessionsPerDay() > 1
                        ? p.template().minIntervalMinutes() : 0), plan, e.preference()));
            }
            ScheduleState state = ScheduleStates.load(dsl, r, start, last);
            return Waitlist.whoFits(new AutoScheduler(ScheduleService.STEP_MINUTES), waiting, state);
        });
    }

    /** Booked against available minutes per chair for each day from {@code from} to {@code to}. */
    public List<Capacity.ChairDay> capacity(LocalDate from, LocalDate to) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            ScheduleState state = ScheduleStates.load(dsl, from, to);
            List<Capacity.ChairDay> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.addAll(Capacity.byChair(state, d));
            }
            return out;
        });
    }

    /** Booked against available minutes by hour of day, summed over the days from {@code from} to {@code to}. */
    public List<Capacity.Hour> capacityByHour(LocalDate from, LocalDate to) {
        guard.require(Permission.PATIENT_READ, "schedule.read", null);
        return tx.read(dsl -> {
            ScheduleState state = ScheduleStates.load(dsl, from, to);
            java.util.Map<java.time.LocalTime, int[]> sum = new java.util.TreeMap<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                for (Capacity.Hour h : Capacity.byHour(state, d)) {
                    int[] v = sum.computeIfAbsent(h.from(), k -> new int[2]);
                    v[0] += h.availableMinutes();
                    v[1] += h.bookedMinutes();
                }
            }
            return sum.entrySet().stream().map(e -> new Capacity.Hour(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
