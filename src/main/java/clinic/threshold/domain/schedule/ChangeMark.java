package clinic.threshold.domain.schedule;

import java.time.OffsetDateTime;

/**
 * A cheap fingerprint of what a schedule view shows for a range of days: how many appointments, the sum of their
 * versions (every change of one raises it), the newest change, and how many sessions were recorded (a session or a
 * miss changes an appointment's status on screen). Another workstation's booking, move, cancellation or session
 * changes it; the view reloads when it differs from the one taken with its data.
 */
public record ChangeMark(long appointments, long versions, OffsetDateTime lastChange, long sessions) {
}
