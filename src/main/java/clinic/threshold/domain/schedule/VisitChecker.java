package clinic.threshold.domain.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a consultation, follow-up or MT-only visit: the clinic open and in its hours, the patient not booked
 * twice (TMS sessions included), the clinician and the room not booked twice.
 */
public final class VisitChecker {
    private VisitChecker() {
    }

    /** @param sameDay every live appointment that day, the visit itself excluded or included (it is skipped by id) */
    public static List<Conflict> check(Appointment v, ScheduleState s, List<Appointment> sameDay) {
        List<Conflict> out = new ArrayList<>();
        if (ConflictChecker.crossesMidnight(v.start(), v.minutes())) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.pastMidnight", v.start()));
            return out;
        }
        if (!s.calendar().isOpen(v.date())) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.closedDay", v.date()));
            return out;
        }
        if (!s.clinicHours().covers(v.date().getDayOfWeek(), v.start(), v.end())) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.outsideHours", v.start(), v.end()));
        }
        for (Appointment o : sameDay) {
            if ((v.id() != 0 && o.id() == v.id()) || !o.status().live() || !o.date().equals(v.date())
                    || !o.start().isBefore(v.end()) || !o.end().isAfter(v.start())) {
                continue;
            }
            if (o.patientId() == v.patientId()) {
                out.add(Conflict.of(Conflict.Kind.PATIENT_BUSY, "schedule.conflict.patientBusy", o.start(), o.end()));
            }
            if (v.clinician() != null && v.clinician().equalsIgnoreCase(o.clinician())) {
                out.add(Conflict.of(Conflict.Kind.CLINICIAN_BUSY, "schedule.conflict.clinicianBusy", v.clinician(), o.start(), o.end()));
            }
            if (v.room() != null && v.room().equalsIgnoreCase(o.room())) {
                out.add(Conflict.of(Conflict.Kind.ROOM_BUSY, "schedule.conflict.roomBusy", v.room(), o.start(), o.end()));
            }
        }
        return out;
    }
}
