package clinic.threshold.service.demo.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The appointments behind a course's sessions as the front desk kept them: a patient who came was checked in
 * (arrived; the calendar reads "done" from the session), a no-show stays booked (read as missed), a late
 * cancellation is cancelled with the reason and when. Bookings still ahead hold their chair's slot rows, as the app's
 * own bookings do; past ones do not get slot rows here, because the slot key only guards against double-booking a
 * time that can still be booked (writing them would add about nine rows per session for no reader).
 */
final class Bookings {
    static final List<String> APPOINTMENT = List.of("id", "patient_id", "kind", "course_id", "session_number", "protocol_code",
            "chair_id", "technician_id", "clinician", "room", "appt_date", "start_time", "minutes", "status", "status_reason",
            "created_by", "created_at", "updated_by", "updated_at", "version");
    static final List<String> SLOT = List.of("chair_id", "slot_at", "appointment_id");
    static final List<String> PREFERENCE = List.of("course_id", "earliest", "latest", "chair_id", "weekdays", "updated_by",
            "updated_at");
    private static final String DESK = "demo.scheduler";
    private static final int SLOT_MINUTES = 5;

    /** How a booked session turned out. */
    enum Outcome { ARRIVED, NO_SHOW, LATE_CANCEL, AHEAD }

    private Bookings() {
    }

    /** One appointment for session {@code number} of {@code course}; returns its id. */
    static long write(Story s, long course, String protocol, int number, Floor.Place at, LocalDate day, int minutes, Outcome o,
            Instant booked) {
        long id = ++s.ids.appointment;
        Instant start = s.at(day, at.start());
        String status = switch (o) {
            case ARRIVED -> "ARRIVED";
            case LATE_CANCEL -> "CANCELLED";
            case NO_SHOW, AHEAD -> "BOOKED";
        };
        Instant updated = switch (o) {
            case ARRIVED -> start.minusSeconds(60L * s.between(0, 10));
            case LATE_CANCEL -> start.minusSeconds(3600L * s.between(1, 23));
            case NO_SHOW, AHEAD -> booked;
        };
        s.w.row("appointment", APPOINTMENT, id, s.patientId, "TMS", course, number, protocol, at.chair().id(),
                at.chair().technician().id(), null, null, day, at.start(), minutes, status,
                o == Outcome.LATE_CANCEL ? s.pick(List.of("Unwell", "Childcare", "Car trouble", "Work shift changed")) : null,
                DESK, s.stamp(booked), o == Outcome.ARRIVED ? at.chair().technician().username() : DESK, s.stamp(updated),
                o == Outcome.AHEAD ? 0 : 1);
        if (o == Outcome.AHEAD) {
            LocalDateTime slot = day.atTime(at.start());
            for (LocalDateTime end = slot.plusMinutes(minutes); slot.isBefore(end); slot = slot.plusMinutes(SLOT_MINUTES)) {
                s.w.row("chair_slot", SLOT, at.chair().id(), slot, id);
            }
        }
        return id;
    }

    /** The patient's preferred window for a course still running, which the auto-scheduler books into. */
    static void preference(Story s, long course, LocalTime earliest, Instant at) {
        s.w.row("course_booking_preference", PREFERENCE, course, earliest, earliest.plusHours(2), null, null, DESK, s.stamp(at));
    }
}
