package clinic.threshold.domain.tms;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Derives a course's progress from its records: the plan is never stored, so it cannot drift from what was
 * delivered. Misses and cancellations push the remaining sessions onto the next open days; the trailing run
 * of misses and the gap since the last delivered session raise the alerts of domain.md 4.5.
 */
public final class CourseTracker {
    private CourseTracker() {
    }

    public static CourseProgress track(Course c, List<SavedSession> records, List<CourseDecision> decisions,
            ClinicCalendar calendar, TmsRules rules, LocalDate today) {
        List<SavedSession> sessions = numbered(records);
        int delivered = (int) sessions.stream().filter(SavedSession::delivered).count();
        LocalDate lastDelivered = sessions.stream().filter(SavedSession::delivered).map(SavedSession::date)
                .reduce((a, b) -> b).orElse(null);
        java.util.function.IntFunction<SessionPhase> phases = CoursePlanner.phases(c.template(), c.plannedSessions());
        LocalDate lastDaily = sessions.stream().filter(SavedSession::delivered)
                .filter(s -> phases.apply(s.number()) != SessionPhase.TAPER)
                .map(SavedSession::date).reduce((a, b) -> b).orElse(null);
        boolean running = c.status() == CourseStatus.ACTIVE && delivered < c.plannedSessions();
        CoursePlanner planner = new CoursePlanner(calendar);
        List<PlannedSession> remaining = running
                ? planner.plan(c.template(), c.plannedSessions(), progress(c, sessions, lastDaily, from(c, sessions, today)))
                : List.of();
        // Misses in a row: the patient's recorded misses at the end (a clinic cancellation neither counts nor
        // breaks the run), then the planned sessions whose days passed without any record.
        int misses = 0;
        LocalDate missedSince = null;
        for (int i = sessions.size() - 1; i >= 0 && !sessions.get(i).delivered(); i--) {
            if (sessions.get(i).status() == SessionStatus.MISSED) {
                misses++;
                missedSince = sessions.get(i).date();
            }
        }
        if (running) {
            List<PlannedSession> unrecorded = planner.plan(c.template(), c.plannedSessions(),
                    progress(c, sessions, lastDaily, from(c, sessions, null))).stream()
                    .filter(x -> x.date().isBefore(today)).toList();
            misses += unrecorded.size();
            if (missedSince == null && !unrecorded.isEmpty()) {
                missedSince = unrecorded.get(0).date();
            }
        }
        long gap = lastDelivered == null ? 0 : ChronoUnit.DAYS.between(lastDelivered, today);
        // A decision answers this gap only: taken after the last session, and not older than the gap rule itself.
        boolean decided = lastDelivered != null && decisions.stream().anyMatch(d -> !d.decidedOn().isBefore(lastDelivered)
                && ChronoUnit.DAYS.between(d.decidedOn(), today) <= rules.decisionGapDays());
        boolean decisionNeeded = running && gap > rules.decisionGapDays() && !decided;
        SessionPhase phase = !remaining.isEmpty() ? remaining.get(0).phase()
                : lastDelivered == null ? SessionPhase.ACUTE
                : phases.apply(Math.max(1, delivered));
        // A report that follows schedules only reads sessions without their entries (TmsBulkRepository.schedules).
        long pulses = sessions.stream().filter(SavedSession::delivered).filter(s -> s.entry() != null)
                .mapToLong(s -> s.entry().pulsesDelivered()).sum();
        AuthorizationStanding auth = AuthorizationStanding.of(c.authorization(), delivered, remaining, lastDelivered);
        return new CourseProgress(c, sessions, remaining, delivered, lastDelivered, misses,
                misses >= rules.consecutiveMissAlert(), missedSince, gap, decisionNeeded, phase, pulses, auth);
    }

    /**
     * The records by date, delivered sessions numbered 1, 2, 3... in that order: the number a session had when it
     * was signed can go stale when an earlier one is voided, and phases and billing follow the order given.
     */
    private static List<SavedSession> numbered(List<SavedSession> records) {
        List<SavedSession> sorted = records.stream()
                .sorted(Comparator.comparing(SavedSession::date).thenComparing(SavedSession::id)).toList();
        List<SavedSession> out = new java.util.ArrayList<>();
        int n = 0;
        for (SavedSession s : sorted) {
            out.add(!s.delivered() ? s : new SavedSession(s.id(), s.courseId(), ++n, s.status(), s.date(), s.entry(),
                    s.missReason(), s.mtUsedPct(), s.outputPct(), s.billingCode(), s.signedBy(), s.signedAt(), s.addenda(),
                    s.version()));
        }
        return out;
    }

    /**
     * Where the rest of the plan may start: after the last record, or the course start; with {@code today}, never
     * before today (sessions planned on days that passed without a record move forward too, so the projected end
     * stays honest); without, as planned at the last record (to find the days that passed unrecorded).
     */
    private static LocalDate from(Course c, List<SavedSession> sessions, LocalDate today) {
        LocalDate recorded = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).date();
        LocalDate from = recorded == null ? c.start() : recorded;
        return today != null && from.isBefore(today) ? today : from;
    }

    private static CoursePlanner.Progress progress(Course c, List<SavedSession> sessions, LocalDate lastDaily,
            LocalDate last) {
        int delivered = (int) sessions.stream().filter(SavedSession::delivered).count();
        if (sessions.isEmpty() && !last.isAfter(c.start())) {
            return new CoursePlanner.Progress(0, c.start(), 0, 0, null);
        }
        int usedOnDay = (int) sessions.stream().filter(s -> s.date().equals(last)).count();
        LocalDate monday = last.with(DayOfWeek.MONDAY);
        int inWeek = (int) sessions.stream().filter(SavedSession::delivered)
                .filter(s -> !s.date().isBefore(monday) && !s.date().isAfter(last)).count();
        return new CoursePlanner.Progress(delivered, last, usedOnDay, inWeek, lastDaily);
    }
}
