package clinic.threshold.data.schedule;

import static clinic.threshold.data.jooq.Tables.TMS_SESSION;

import clinic.threshold.data.db.BulkRows;
import clinic.threshold.domain.schedule.AppointmentStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Gives a report's appointments their status as the calendar reads it ({@link CourseDayTally}), one day at a time: the
 * range's sessions are read in day order and each day's tallies are settled on that day's appointments, then dropped.
 * Tallying the ten years at once instead held 700,000 course days in one map (docs/benchmarks.md).
 */
final class SpanDays {
    /** Day, time, then id: the calendar's order, in which a course day's appointments take its sessions' outcomes. */
    static final Comparator<AppointmentRepository.Span> IN_DAY_ORDER = (a, b) -> {
        int c = a.date().compareTo(b.date());
        if (c == 0) {
            c = a.start().compareTo(b.start());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    };

    private final List<AppointmentRepository.Span> spans;
    private final Map<Long, CourseDayTally> tallies = new HashMap<>();
    private LocalDate day;
    /** The first appointment not yet settled. */
    private int next;

    /** {@code spans} in {@link #IN_DAY_ORDER}; their statuses are replaced in place. One use: the sessions of one read. */
    SpanDays(List<AppointmentRepository.Span> spans) {
        this.spans = spans;
    }

    /** Reads the sessions from {@code from} to {@code to} and settles every appointment of those days. */
    void readSessions(DSLContext dsl, LocalDate from, LocalDate to) {
        // Read from ix_tms_session_given (V031) alone, already in day order (ReportReadingPlanIT checks both).
        var query = dsl.select(TMS_SESSION.SESSION_DATE, TMS_SESSION.COURSE_ID, TMS_SESSION.STATUS).from(TMS_SESSION)
                .where(TMS_SESSION.SESSION_DATE.between(from, to)).and(TMS_SESSION.VOIDED.isFalse())
                .orderBy(TMS_SESSION.SESSION_DATE);
        BulkRows.each(dsl, query, rs -> session(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3)));
        finish();
    }

    /** One session (not voided), in day order. */
    void session(LocalDate d, long course, String status) {
        if (!d.equals(day)) {
            if (day != null && d.isBefore(day)) {
                // Out of day order an earlier day would be settled without its sessions, without a word.
                throw new IllegalStateException("sessions out of day order: " + d + " after " + day);
            }
            settle();
            day = d;
        }
        tallies.computeIfAbsent(course, k -> new CourseDayTally()).count(status);
    }

    /** After the last session: settles its day. */
    void finish() {
        settle();
    }

    /** Gives the current day's appointments their status; those of earlier days without sessions keep theirs. */
    private void settle() {
        if (day == null) {
            return;
        }
        while (next < spans.size() && spans.get(next).date().isBefore(day)) {
            next++;
        }
        for (; next < spans.size() && spans.get(next).date().equals(day); next++) {
            AppointmentRepository.Span a = spans.get(next);
            if (CourseDayTally.readsSessions(a.courseId(), a.status())) {
                CourseDayTally tally = tallies.get(a.courseId());
                AppointmentStatus status = tally == null ? a.status() : tally.next(a.status());
                if (status != a.status()) {
                    spans.set(next, a.withStatus(status));
                }
            }
        }
        tallies.clear();
    }
}
