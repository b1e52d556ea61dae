package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** One assessment a course's schedule asks for: which, on what day, and whether it was done (and when). */
public record DueAssessment(Kind kind, LocalDate due, LocalDate doneOn, Status status) {

    /** The points of the schedule (issue 7): before the first session, weekly, at the last acute and taper sessions. */
    public enum Kind {
        BASELINE, WEEKLY, LAST_ACUTE, LAST_TAPER
    }

    /** Done; due now (within the grace days); overdue; still ahead; or missed in a course that has ended. */
    public enum Status {
        DONE, DUE, OVERDUE, UPCOMING, MISSED
    }
}
