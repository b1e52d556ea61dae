package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** One assessment a course's schedule asks for: which, on what day, and whether it was done (and when). */
public record DueAssessment(Kind kind, LocalDate due, LocalDate doneOn, Status status) {

    /** The points of the schedule (issue 7): before the first session, weekly, at the last acute and taper sessions. */
    public enum Kind {
        BASELINE, WEEKLY, LAST_ACUTE, LAST_TAPER
    }

    /**
     * Done (within the window of its day); done late (by the first score after its window, before the next point's);
     * due now (within the grace days); overdue; still ahead; or missed (in a course that has ended, or passed over
     * once a later point was done).
     */
    public enum Status {
        DONE, LATE, DUE, OVERDUE, UPCOMING, MISSED;

        /** Met, on time or late. */
        public boolean met() {
            return this == DONE || this == LATE;
        }
    }
}
