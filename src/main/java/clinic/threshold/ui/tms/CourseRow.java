package clinic.threshold.ui.tms;

import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.SessionPhase;
import clinic.threshold.domain.tms.SessionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a course's session table: a session on record (given, missed or cancelled) or one still planned.
 * {@code session} is null for planned rows.
 */
record CourseRow(Integer number, LocalDate date, SessionPhase phase, SessionStatus status, SavedSession session) {

    boolean planned() {
        return session == null;
    }

    /** The sessions on record and the rest of the plan, by date. */
    static List<CourseRow> of(CourseProgress p) {
        List<CourseRow> rows = new ArrayList<>();
        for (SavedSession s : p.sessions()) {
            SessionPhase phase = s.delivered()
                    ? CoursePlanner.phaseOf(p.course().template(), p.course().plannedSessions(), s.number()) : null;
            rows.add(new CourseRow(s.number(), s.date(), phase, s.status(), s));
        }
        for (PlannedSession s : p.remaining()) {
            rows.add(new CourseRow(s.number(), s.date(), s.phase(), null, null));
        }
        rows.sort(Comparator.comparing(CourseRow::date).thenComparing(r -> r.planned() ? 1 : 0));
        return rows;
    }
}
