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
 * both). Each point is met by an entry of the scale within the window of its day, or late by the first entry
 * after that window and before the next point's window; a point not met is missed once a later one is done
 * (ADR 0014, addendum "Late and missed points").
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
        List<Point> points = new ArrayList<>();
        points.add(new Point(DueAssessment.Kind.BASELINE, first));
        List<LocalDate> ends = new ArrayList<>();
        lastOf(p, SessionPhase.ACUTE).ifPresent(d -> ends.add(d));
        lastOf(p, SessionPhase.TAPER).ifPresent(d -> ends.add(d));
        for (LocalDate due = first.plusDays(everyDays); !due.isAfter(last); due = due.plusDays(everyDays)) {
            LocalDate d = due;
            if (ends.stream().noneMatch(e -> Math.abs(e.toEpochDay() - d.toEpochDay()) <= rules.windowDays())) {
                points.add(new Point(DueAssessment.Kind.WEEKLY, d));
            }
        }
        lastOf(p, SessionPhase.ACUTE).ifPresent(d -> points.add(new Point(DueAssessment.Kind.LAST_ACUTE, d)));
        lastOf(p, SessionPhase.TAPER).ifPresent(d -> points.add(new Point(DueAssessment.Kind.LAST_TAPER, d)));
        points.sort(Comparator.comparing(Point::due));
        List<Optional<LocalDate>> met = new ArrayList<>();
        List<Boolean> onTime = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point at = points.get(i);
            Optional<LocalDate> inWindow = at.kind() == DueAssessment.Kind.BASELINE
                    ? entries.stream().filter(d -> !d.isAfter(first) && !d.isBefore(windowStart(at, rules)))
                            .max(Comparator.naturalOrder())
                    : near(entries, at.due(), rules);
            // Late entries end where the next point's window opens; after the last point, one interval on while the
            // course runs, or the last session's window once it has ended: a follow-up score months later, or the
            // next course's baseline, is not this course's.
            LocalDate lateUntil = i + 1 < points.size() ? windowStart(points.get(i + 1), rules)
                    : ended ? last.plusDays(rules.windowDays() + 1L) : at.due().plusDays(everyDays);
            met.add(inWindow.isPresent() ? inWindow : late(entries, at, lateUntil, rules));
            onTime.add(inWindow.isPresent());
        }
        List<DueAssessment> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean superseded = met.subList(i + 1, met.size()).stream().anyMatch(Optional::isPresent);
            out.add(point(points.get(i), met.get(i), onTime.get(i), superseded, ended, rules, today));
        }
        return out;
    }

    /** The first point not done whose day has come (overdue or due now), if any. */
    public static Optional<DueAssessment> pending(List<DueAssessment> schedule) {
        return schedule.stream().filter(d -> d.status() == DueAssessment.Status.OVERDUE
                || d.status() == DueAssessment.Status.DUE).findFirst();
    }

    /** A point of the schedule before it is read against the entries. */
    private record Point(DueAssessment.Kind kind, LocalDate due) {
    }

    /** The first day an entry meets the point on time: the baseline's days before the start, else the window. */
    private static LocalDate windowStart(Point p, ScheduleRules rules) {
        return p.kind() == DueAssessment.Kind.BASELINE ? p.due().minusDays(rules.baselineDaysBefore())
                : p.due().minusDays(rules.windowDays());
    }

    /** The last day an entry meets the point on time: the first session for the baseline, else the window. */
    private static LocalDate windowEnd(Point p, ScheduleRules rules) {
        return p.kind() == DueAssessment.Kind.BASELINE ? p.due() : p.due().plusDays(rules.windowDays());
    }

    /**
     * The first entry after the point's window and before {@code before}: it meets the point late, so that an overdue
     * flag can be cleared by doing what was asked (a missed baseline included).
     */
    private static Optional<LocalDate> late(List<LocalDate> entries, Point at, LocalDate before, ScheduleRules rules) {
        LocalDate after = windowEnd(at, rules);
        return entries.stream().filter(e -> e.isAfter(after) && e.isBefore(before)).min(Comparator.naturalOrder());
    }

    private static Optional<LocalDate> near(List<LocalDate> entries, LocalDate due, ScheduleRules rules) {
        return entries.stream().filter(e -> Math.abs(e.toEpochDay() - due.toEpochDay()) <= rules.windowDays())
                .min(Comparator.comparingLong(e -> Math.abs(e.toEpochDay() - due.toEpochDay())));
    }

    /**
     * A point not done is missed, not overdue, once a later point is done (the schedule has moved on and an entry
     * can no longer meet it) or once the course has ended.
     */
    private static DueAssessment point(Point p, Optional<LocalDate> done, boolean onTime, boolean superseded, boolean ended,
            ScheduleRules rules, LocalDate today) {
        if (done.isPresent()) {
            return new DueAssessment(p.kind(), p.due(), done.get(), onTime ? DueAssessment.Status.DONE
                    : DueAssessment.Status.LATE);
        }
        LocalDate due = p.due();
        boolean closed = ended || superseded;
        DueAssessment.Status s = today.isAfter(due.plusDays(rules.graceDays()))
                ? (closed ? DueAssessment.Status.MISSED : DueAssessment.Status.OVERDUE)
                : today.isBefore(due) ? DueAssessment.Status.UPCOMING
                : closed ? DueAssessment.Status.MISSED : DueAssessment.Status.DUE;
        return new DueAssessment(p.kind(), due, null, s);
    }

    /** The day of the phase's last session, given or planned. */
    private static Optional<LocalDate> lastOf(CourseProgress p, SessionPhase phase) {
        Course c = p.course();
        Optional<LocalDate> planned = p.remaining().stream().filter(s -> s.phase() == phase).map(PlannedSession::date)
                .max(Comparator.naturalOrder());
        if (planned.isPresent()) {
            return planned;
        }
        java.util.function.IntFunction<SessionPhase> phases = CoursePlanner.phases(c.template(), c.plannedSessions());
        return p.sessions().stream().filter(SavedSession::delivered).filter(s -> phases.apply(s.number()) == phase)
                .map(SavedSession::date).max(Comparator.naturalOrder());
    }
}
