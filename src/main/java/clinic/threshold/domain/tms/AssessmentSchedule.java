package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The assessments a course asks for (issue 7; the protocol names the scale and the interval): a baseline before
 * the first session, one every interval from the start, and one at the last acute and the last taper session
 * (planned or given). A weekly point within the window of a last-session point is left out (one entry serves
 * both). Each point is met by an entry of the scale within the window of its day.
 */
public final class AssessmentSchedule {
    private AssessmentSchedule() {
    }

    /**
     * @param entries the days the course's scale was recorded, any order
     */
    public static List<DueAssessment> of(CourseProgress p, int everyDays, List<LocalDate> entries, ScheduleRules rules,
            LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        p.sessions().stream().filter(SavedSession::delivered).forEach(s -> days.add(s.date()));
        p.remaining().forEach(s -> days.add(s.date()));
        if (days.isEmpty()) {
            return List.of();
        }
        days.sort(Comparator.naturalOrder());
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        boolean ended = p.course().status() != CourseStatus.ACTIVE;
        List<DueAssessment> out = new ArrayList<>();
        Optional<LocalDate> baseline = entries.stream()
                .filter(d -> !d.isAfter(first) && !d.isBefore(first.minusDays(rules.baselineDaysBefore())))
                .max(Comparator.naturalOrder());
        out.add(point(DueAssessment.Kind.BASELINE, first, baseline, ended, rules, today));
        List<LocalDate> ends = new ArrayList<>();
        lastOf(p, SessionPhase.ACUTE).ifPresent(d -> ends.add(d));
        lastOf(p, SessionPhase.TAPER).ifPresent(d -> ends.add(d));
        for (LocalDate due = first.plusDays(everyDays); !due.isAfter(last); due = due.plusDays(everyDays)) {
            LocalDate d = due;
            if (ends.stream().noneMatch(e -> Math.abs(e.toEpochDay() - d.toEpochDay()) <= rules.windowDays())) {
                out.add(point(DueAssessment.Kind.WEEKLY, d, near(entries, d, rules), ended, rules, today));
            }
        }
        lastOf(p, SessionPhase.ACUTE).ifPresent(d -> out.add(point(DueAssessment.Kind.LAST_ACUTE, d, near(entries, d, rules),
                ended, rules, today)));
        lastOf(p, SessionPhase.TAPER).ifPresent(d -> out.add(point(DueAssessment.Kind.LAST_TAPER, d, near(entries, d, rules),
                ended, rules, today)));
        out.sort(Comparator.comparing(DueAssessment::due));
        return out;
    }

    /** The first point not done whose day has come (overdue or due now), if any. */
    public static Optional<DueAssessment> pending(List<DueAssessment> schedule) {
        return schedule.stream().filter(d -> d.status() == DueAssessment.Status.OVERDUE
                || d.status() == DueAssessment.Status.DUE).findFirst();
    }

    private static Optional<LocalDate> near(List<LocalDate> entries, LocalDate due, ScheduleRules rules) {
        return entries.stream().filter(e -> Math.abs(e.toEpochDay() - due.toEpochDay()) <= rules.windowDays())
                .min(Comparator.comparingLong(e -> Math.abs(e.toEpochDay() - due.toEpochDay())));
    }

    private static DueAssessment point(DueAssessment.Kind kind, LocalDate due, Optional<LocalDate> done, boolean ended,
            ScheduleRules rules, LocalDate today) {
        if (done.isPresent()) {
            return new DueAssessment(kind, due, done.get(), DueAssessment.Status.DONE);
        }
        DueAssessment.Status s = today.isAfter(due.plusDays(rules.graceDays()))
                ? (ended ? DueAssessment.Status.MISSED : DueAssessment.Status.OVERDUE)
                : today.isBefore(due) ? DueAssessment.Status.UPCOMING
                : ended ? DueAssessment.Status.MISSED : DueAssessment.Status.DUE;
        return new DueAssessment(kind, due, null, s);
    }

    /** The day of the phase's last session, given or planned. */
    private static Optional<LocalDate> lastOf(CourseProgress p, SessionPhase phase) {
        Course c = p.course();
        Optional<LocalDate> planned = p.remaining().stream().filter(s -> s.phase() == phase).map(PlannedSession::date)
                .max(Comparator.naturalOrder());
        if (planned.isPresent()) {
            return planned;
        }
        return p.sessions().stream().filter(SavedSession::delivered)
                .filter(s -> CoursePlanner.phaseOf(c.template(), c.plannedSessions(), s.number()) == phase)
                .map(SavedSession::date).max(Comparator.naturalOrder());
    }
}
