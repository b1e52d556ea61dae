package clinic.threshold.domain.schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one booking against the schedule (issue 9): the clinic open, the chair open, free and able to deliver the
 * protocol, the technician trained, within hours and not running more chairs than allowed, a physician on site,
 * the patient not booked twice, and for several sessions a day the minimum interval between the patient's
 * sessions. Every conflict is returned, each in words with its values.
 */
public final class ConflictChecker {
    private ConflictChecker() {
    }

    public static List<Conflict> check(Booking b, ScheduleState s, int minIntervalMinutes) {
        List<Conflict> out = new ArrayList<>();
        if (crossesMidnight(b.start(), b.minutes())) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.pastMidnight", b.start()));
            return out; // its end time wraps to the morning: every other rule would read it wrongly
        }
        LocalTime end = b.end();
        if (!s.calendar().isOpen(b.day())) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.closedDay", b.day()));
            return out;
        }
        if (!s.clinicHours().covers(b.day().getDayOfWeek(), b.start(), end)) {
            out.add(Conflict.of(Conflict.Kind.CLINIC_CLOSED, "schedule.conflict.outsideHours", b.start(), end));
        }
        Chair chair = s.chair(b.chairId()).filter(Chair::active).orElse(null);
        if (chair == null) {
            out.add(Conflict.of(Conflict.Kind.CHAIR_CLOSED, "schedule.conflict.noChair"));
        } else {
            if (chair.hours() != null && !chair.hours().covers(b.day().getDayOfWeek(), b.start(), end)) {
                out.add(Conflict.of(Conflict.Kind.CHAIR_CLOSED, "schedule.conflict.chairHours", chair.name()));
            }
            s.away(Absence.Kind.CHAIR, chair.id(), b.day()).ifPresent(a ->
                    out.add(Conflict.of(Conflict.Kind.CHAIR_CLOSED, "schedule.conflict.chairOut", chair.name(), b.day())));
            if (!chair.delivers(b.protocol())) {
                out.add(Conflict.of(Conflict.Kind.CHAIR_PROTOCOL, "schedule.conflict.chairProtocol", chair.name(), b.protocol()));
            }
            others(b, s).stream().filter(o -> o.chairId() == b.chairId() && o.overlaps(b)).findFirst().ifPresent(o ->
                    out.add(Conflict.of(Conflict.Kind.CHAIR_BUSY, "schedule.conflict.chairBusy", chair.name(), o.start(),
                            o.end())));
        }
        technician(b, s, end, out);
        if (s.physicians().stream().noneMatch(h -> h.covers(b.day().getDayOfWeek(), b.start(), end))) {
            out.add(Conflict.of(Conflict.Kind.PHYSICIAN_ABSENT, "schedule.conflict.noPhysician", b.start(), end));
        }
        for (Booking o : others(b, s)) {
            if (o.patientId() != b.patientId() || !o.day().equals(b.day())) {
                continue;
            }
            if (o.overlaps(b)) {
                out.add(Conflict.of(Conflict.Kind.PATIENT_BUSY, "schedule.conflict.patientBusy", o.start(), o.end()));
            } else if (minIntervalMinutes > 0
                    && Math.abs(Duration.between(o.start(), b.start()).toMinutes()) < minIntervalMinutes) {
                out.add(Conflict.of(Conflict.Kind.INTERVAL, "schedule.conflict.interval", minIntervalMinutes, o.start()));
            }
        }
        return out;
    }

    /** Whether a stretch starting at {@code start} runs past the end of its day. */
    public static boolean crossesMidnight(LocalTime start, int minutes) {
        return start.toSecondOfDay() + minutes * 60L > 24L * 60 * 60;
    }

    private static void technician(Booking b, ScheduleState s, LocalTime end, List<Conflict> out) {
        Technician t = s.technician(b.technicianId()).filter(Technician::active).orElse(null);
        if (t == null) {
            out.add(Conflict.of(Conflict.Kind.TECHNICIAN_HOURS, "schedule.conflict.noTechnician"));
            return;
        }
        if (s.away(Absence.Kind.TECHNICIAN, t.id(), b.day()).isPresent()) {
            out.add(Conflict.of(Conflict.Kind.TECHNICIAN_HOURS, "schedule.conflict.technicianAway", t.name(), b.day()));
        } else if (!t.hours().covers(b.day().getDayOfWeek(), b.start(), end)) {
            out.add(Conflict.of(Conflict.Kind.TECHNICIAN_HOURS, "schedule.conflict.technicianHours", t.name()));
        }
        if (!t.chairs().contains(b.chairId()) || !t.protocols().contains(b.protocol())) {
            out.add(Conflict.of(Conflict.Kind.TECHNICIAN_TRAINING, "schedule.conflict.technicianTraining", t.name(),
                    b.protocol()));
        }
        long running = others(b, s).stream().filter(o -> o.technicianId() == t.id() && o.overlaps(b)).count();
        if (running >= t.maxConcurrentChairs()) {
            out.add(Conflict.of(Conflict.Kind.TECHNICIAN_BUSY, "schedule.conflict.technicianBusy", t.name(), running));
        }
    }

    private static List<Booking> others(Booking b, ScheduleState s) {
        return s.on(b.day()).stream().filter(o -> b.id() == 0 || o.id() != b.id()).toList();
    }
}
