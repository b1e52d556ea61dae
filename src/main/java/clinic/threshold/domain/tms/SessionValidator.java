package clinic.threshold.domain.tms;

import clinic.threshold.domain.common.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a delivered session before it is saved: its date within the course, on an open day and not before the
 * last session, the protocol's sessions a day and interval, the people present, a motor threshold to work from
 * (1 to 100% of machine output), the intensity within the course's range (its protocol's when it started) and
 * under the device's maximum, pulses (a reason when they differ from the plan), location, pain and adverse
 * events complete. Each problem names its field; the form shows them all at once.
 */
public final class SessionValidator {
    private static final int MAX_TEXT = 2000;
    private static final int MAX_SHORT = 200;
    private static final BigDecimal MAX_HEAD_CM = new BigDecimal(100);

    private SessionValidator() {
    }

    /**
     * @param mtUsedPct the motor threshold the session works from: {@code entry.mtToday()} when measured today,
     *        else the latest determination (null when there is none)
     */
    public static List<Violation> validate(Course course, Protocol protocol, Device device, ClinicCalendar calendar,
            SessionEntry e, Integer mtUsedPct, LocalDate today) {
        return validate(course, protocol, device, calendar, e, mtUsedPct, today, List.of(), null);
    }

    /**
     * As above, with the course's sessions already given on the entry's day (the protocol's daily number and
     * minimum interval apply) and the day of its last session (sessions are recorded in order).
     */
    public static List<Violation> validate(Course course, Protocol protocol, Device device, ClinicCalendar calendar,
            SessionEntry e, Integer mtUsedPct, LocalDate today, List<SavedSession> sameDay, LocalDate lastDelivered) {
        return validate(course, protocol, device, calendar, e, mtUsedPct, today, sameDay, lastDelivered, false);
    }

    /**
     * As above; {@code changeScreened} when new metal or a possible pregnancy the check reports has been screened
     * for since (see {@link ReportedChange}): the session may then go ahead.
     */
    public static List<Violation> validate(Course course, Protocol protocol, Device device, ClinicCalendar calendar,
            SessionEntry e, Integer mtUsedPct, LocalDate today, List<SavedSession> sameDay, LocalDate lastDelivered,
            boolean changeScreened) {
        List<Violation> out = new ArrayList<>();
        date(course, calendar, e.date(), today, out);
        if (e.date() != null && lastDelivered != null && e.date().isBefore(lastDelivered)) {
            out.add(Violation.of("date", "tms.error.outOfOrder", lastDelivered));
        }
        perDay(course.template(), e, sameDay, out);
        required(e.technician(), "technician", out);
        required(e.physician(), "physician", out);
        if (device == null) {
            out.add(Violation.of("device", "validation.required"));
        }
        if (e.mtToday() != null) {
            if (e.mtToday().outputPct() < 1 || e.mtToday().outputPct() > 100) {
                out.add(Violation.of("mt", "tms.error.mtRange"));
            }
            if (e.mtToday().method() == null) {
                out.add(Violation.of("mtMethod", "validation.required"));
            }
        } else if (mtUsedPct == null) {
            out.add(Violation.of("mt", "tms.error.noMt"));
        }
        // The range the course started with: an edit of the protocol since applies to new courses only.
        CourseTerms terms = course.terms();
        if (e.pctMt() < terms.minPctMt() || e.pctMt() > terms.maxPctMt()) {
            out.add(Violation.of("pctMt", "tms.error.pctMtRange", terms.minPctMt(), terms.maxPctMt(), course.protocolName()));
        } else if (mtUsedPct != null && mtUsedPct >= 1 && mtUsedPct <= 100 && device != null) {
            int output = Protocol.outputPct(mtUsedPct, e.pctMt());
            if (output > device.maxOutputPct()) {
                out.add(Violation.of("pctMt", "tms.error.aboveDeviceMax", output, device.maxOutputPct(), device.name()));
            }
        }
        pulses(course, e, out);
        location(e, out);
        if (e.pain() != null && (e.pain() < 0 || e.pain() > 10)) {
            out.add(Violation.of("pain", "tms.error.painRange"));
        }
        if (e.interruptions() < 0) {
            out.add(Violation.of("interruptions", "tms.error.notNegative"));
        } else if (e.interruptions() > 0 && blank(e.interruptionReason())) {
            out.add(Violation.of("interruptionReason", "tms.error.interruptionReason"));
        }
        if (e.check() == null) {
            out.add(Violation.of("check", "validation.required"));
        } else {
            if (e.check().needsRescreen() && !changeScreened) {
                out.add(Violation.of("check", "tms.error.rescreenFirst"));
            }
            if (e.check().sleepHours() != null && (e.check().sleepHours().signum() < 0
                    || e.check().sleepHours().compareTo(new BigDecimal(24)) > 0)) {
                out.add(Violation.of("sleep", "tms.error.sleepRange"));
            }
        }
        for (int i = 0; i < e.events().size(); i++) {
            AdverseEvent ev = e.events().get(i);
            if (ev.type() == null || ev.severity() == null || blank(ev.action())) {
                out.add(Violation.of("event" + (i + 1), "tms.error.eventIncomplete", i + 1));
            }
        }
        length(e.notes(), "notes", MAX_TEXT, out);
        length(e.coordinates(), "coordinates", MAX_SHORT, out);
        length(e.pulsesReason(), "pulsesReason", MAX_SHORT, out);
        return out;
    }

    /**
     * A miss or cancellation: a date in the course, not in the future, on a day the clinic is open (no session
     * was due on a closure or a closed weekday, so none could be missed), and a reason.
     */
    public static List<Violation> validateMiss(Course course, ClinicCalendar calendar, LocalDate date, String reason,
            LocalDate today) {
        List<Violation> out = new ArrayList<>();
        date(course, calendar, date, today, out);
        required(reason, "reason", out);
        length(reason, "reason", MAX_SHORT, out);
        return out;
    }

    private static void date(Course course, ClinicCalendar calendar, LocalDate date, LocalDate today, List<Violation> out) {
        if (date == null) {
            out.add(Violation.of("date", "validation.required"));
        } else if (date.isBefore(course.start())) {
            out.add(Violation.of("date", "tms.error.beforeStart", course.start()));
        } else if (date.isAfter(today)) {
            out.add(Violation.of("date", "tms.error.future"));
        } else if (calendar.isClosure(date)) {
            out.add(Violation.of("date", "tms.error.closure", date));
        } else if (!calendar.isOpen(date)) {
            out.add(Violation.of("date", "tms.error.closedDay", date));
        }
    }

    /** The protocol's sessions per day, and for several a day the start time and the minimum interval. */
    private static void perDay(CourseTemplate t, SessionEntry e, List<SavedSession> sameDay, List<Violation> out) {
        if (sameDay.size() >= t.sessionsPerDay()) {
            out.add(Violation.of("date", "tms.error.dailyLimit", t.sessionsPerDay()));
            return;
        }
        if (t.sessionsPerDay() > 1 && e.start() == null) {
            out.add(Violation.of("start", "tms.error.startRequired"));
            return;
        }
        for (SavedSession s : sameDay) {
            java.time.LocalTime other = s.entry() == null ? null : s.entry().start();
            if (e.start() != null && other != null
                    && Math.abs(java.time.Duration.between(other, e.start()).toMinutes()) < t.minIntervalMinutes()) {
                out.add(Violation.of("start", "tms.error.interval", t.minIntervalMinutes(), other));
            }
        }
    }

    private static void pulses(Course course, SessionEntry e, List<Violation> out) {
        if (e.pulsesPlanned() < 1) {
            out.add(Violation.of("pulsesPlanned", "tms.error.positive"));
        } else if (e.pulsesPlanned() != course.pulses() && blank(e.pulsesReason())) {
            // Otherwise raising "planned" would let pulses above the course's go without a reason.
            out.add(Violation.of("pulsesPlanned", "tms.error.pulsesPlannedDiffer", e.pulsesPlanned(), course.pulses()));
        }
        if (e.pulsesDelivered() < 0) {
            out.add(Violation.of("pulsesDelivered", "tms.error.notNegative"));
        } else if (e.pulsesDelivered() == 0) {
            out.add(Violation.of("pulsesDelivered", "tms.error.noPulses"));
        } else if (e.pulsesDelivered() > e.pulsesPlanned() && blank(e.pulsesReason())) {
            out.add(Violation.of("pulsesDelivered", "tms.error.pulsesAbovePlanned", e.pulsesDelivered(), e.pulsesPlanned()));
        } else if (e.pulsesDelivered() < e.pulsesPlanned() && blank(e.pulsesReason())) {
            out.add(Violation.of("pulsesDelivered", "tms.error.pulsesBelowPlanned", e.pulsesDelivered(), e.pulsesPlanned()));
        }
        if (e.trainsPlanned() != null && e.trainsDelivered() != null && e.trainsDelivered() > e.trainsPlanned()
                && blank(e.pulsesReason())) {
            out.add(Violation.of("trainsDelivered", "tms.error.trainsAbovePlanned"));
        }
    }

    private static void location(SessionEntry e, List<Violation> out) {
        if (e.location() == null) {
            out.add(Violation.of("location", "validation.required"));
            return;
        }
        if (e.location().needsHeadMeasurements()) {
            head(e.nasionInionCm(), "nasionInion", out);
            head(e.tragusTragusCm(), "tragusTragus", out);
            head(e.circumferenceCm(), "circumference", out);
        }
    }

    private static void head(BigDecimal cm, String field, List<Violation> out) {
        if (cm == null) {
            out.add(Violation.of(field, "tms.error.headMeasurement"));
        } else if (cm.signum() <= 0 || cm.compareTo(MAX_HEAD_CM) > 0) {
            out.add(Violation.of(field, "tms.error.headRange"));
        }
    }

    private static void required(String value, String field, List<Violation> out) {
        if (blank(value)) {
            out.add(Violation.of(field, "validation.required"));
        }
    }

    private static void length(String value, String field, int max, List<Violation> out) {
        if (value != null && value.strip().length() > max) {
            out.add(Violation.of(field, "tms.error.tooLong", max));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
