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
        List<SavedSession> sessions = records.stream()
                .sorted(Comparator.comparing(SavedSession::date).thenComparing(SavedSession::id)).toList();
        int delivered = (int) sessions.stream().filter(SavedSession::delivered).count();
        LocalDate lastDelivered = sessions.stream().filter(SavedSession::delivered).map(SavedSession::date)
                .reduce((a, b) -> b).orElse(null);
        LocalDate lastDaily = sessions.stream().filter(SavedSession::delivered)
                .filter(s -> CoursePlanner.phaseOf(c.template(), c.plannedSessions(), s.number()) != SessionPhase.TAPER)
                .map(SavedSession::date).reduce((a, b) -> b).orElse(null);
        List<PlannedSession> remaining = List.of();
        if (c.status() == CourseStatus.ACTIVE && delivered < c.plannedSessions()) {
            remaining = new CoursePlanner(calendar).plan(c.template(), c.plannedSessions(), progress(c, sessions, lastDaily, today));
        }
        int misses = 0;
        for (int i = sessions.size() - 1; i >= 0 && !sessions.get(i).delivered(); i--) {
            misses++;
        }
        long gap = lastDelivered == null ? 0 : ChronoUnit.DAYS.between(lastDelivered, today);
        boolean decided = lastDelivered != null && decisions.stream()
                .anyMatch(d -> !d.decidedOn().isBefore(lastDelivered));
        boolean decisionNeeded = c.status() == CourseStatus.ACTIVE && !remaining.isEmpty()
                && gap > rules.decisionGapDays() && !decided;
        SessionPhase phase = !remaining.isEmpty() ? remaining.get(0).phase()
                : lastDelivered == null ? SessionPhase.ACUTE
                : CoursePlanner.phaseOf(c.template(), c.plannedSessions(), Math.max(1, delivered));
        long pulses = sessions.stream().filter(SavedSession::delivered).mapToLong(s -> s.entry().pulsesDelivered()).sum();
        AuthorizationStanding auth = AuthorizationStanding.of(c.authorization(), delivered, remaining, lastDelivered);
        return new CourseProgress(c, sessions, remaining, delivered, lastDelivered, misses,
                misses >= rules.consecutiveMissAlert(), gap, decisionNeeded, phase, pulses, auth);
    }

    /**
     * The rest of the plan starts after the last record, and never before today: sessions planned on days
     * that passed without a record move forward too, so the projected end stays honest.
     */
    private static CoursePlanner.Progress progress(Course c, List<SavedSession> sessions, LocalDate lastDaily,
            LocalDate today) {
        int delivered = (int) sessions.stream().filter(SavedSession::delivered).count();
        LocalDate recorded = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).date();
        LocalDate last = recorded == null || recorded.isBefore(today) ? (c.start().isAfter(today) ? c.start() : today)
                : recorded;
        int usedOnDay = (int) sessions.stream().filter(s -> s.date().equals(last)).count();
        LocalDate monday = last.with(DayOfWeek.MONDAY);
        int inWeek = (int) sessions.stream().filter(SavedSession::delivered)
                .filter(s -> !s.date().isBefore(monday) && !s.date().isAfter(last)).count();
        return new CoursePlanner.Progress(delivered, last, usedOnDay, inWeek, lastDaily);
    }
}
