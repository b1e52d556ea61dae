package clinic.threshold.data.schedule;

import clinic.threshold.domain.schedule.AppointmentStatus;

/**
 * How the calendar reads a TMS appointment's status from the sessions recorded on its course's day: taken in time order,
 * the day's first appointments are done (as many as sessions were delivered), the next ones missed (as many as were
 * missed or cancelled), and the rest keep their stored status. One tally per course and day; voided sessions are not
 * counted. The calendar, the chart and the reports all read it here, so they never disagree.
 */
final class CourseDayTally {
    private int delivered;
    private int missed;
    /** The day's appointments given a status so far. */
    private int seen;

    /** Counts one session of the day by its stored status. */
    void count(String sessionStatus) {
        if ("DELIVERED".equals(sessionStatus)) {
            delivered++;
        } else {
            missed++;
        }
    }

    /** The status of the day's next appointment in time order, stored as {@code stored}. */
    AppointmentStatus next(AppointmentStatus stored) {
        int index = seen++;
        return index < delivered ? AppointmentStatus.DONE : index < delivered + missed ? AppointmentStatus.MISSED : stored;
    }

    /** Whether the sessions can say anything of this appointment: a cancelled one, or one of no course, keeps its status. */
    static boolean readsSessions(Long courseId, AppointmentStatus stored) {
        return courseId != null && stored != AppointmentStatus.CANCELLED;
    }
}
