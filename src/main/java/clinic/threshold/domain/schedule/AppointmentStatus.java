package clinic.threshold.domain.schedule;

/**
 * Where an appointment stands. BOOKED, ARRIVED and CANCELLED are stored; DONE and MISSED are read from the TMS
 * session recorded for that course and day, so the chart and the calendar never disagree.
 */
public enum AppointmentStatus {
    BOOKED, ARRIVED, DONE, MISSED, CANCELLED;

    /** Whether it still holds its chair and time. */
    public boolean live() {
        return this == BOOKED || this == ARRIVED;
    }
}
