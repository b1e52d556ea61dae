package clinic.threshold.service.demo.synthetic;

import clinic.threshold.domain.tms.Protocol;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A TMS course as the clinic runs it: a screening a few days before, the protocol's acute sessions on open days and its
 * taper at the patient's usual time on a free chair of the floor, about 8% of booked sessions missed (a third of them
 * cancelled late), the sessions still ahead of a running course booked, the motor threshold measured at the first session and weekly after,
 * the billing code each visit earns (90867 first, 90869 with an MT re-determination, else 90868), an occasional
 * adverse event (seizures at about the published rate), and for some a course stopped early.
 */
final class CourseMaker {
    static final List<String> SCREENING = List.of("id", "patient_id", "form_version", "screened_on", "screened_by", "recorded_at",
            "voided", "version");
    static final List<String> ANSWER = List.of("screening_id", "item_no", "answer_yes");
    static final List<String> COURSE = List.of("id", "patient_id", "protocol_code", "course_type", "start_date", "indication",
            "planned_sessions", "acute_sessions", "sessions_per_week", "sessions_per_day", "min_interval_minutes", "taper_pattern",
            "pulses", "pct_mt", "min_pct_mt", "max_pct_mt", "trains", "assess_every_days", "off_label", "status", "stop_reason", "screening_id", "created_by", "created_at", "voided", "version");
    static final List<String> MT = List.of("id", "patient_id", "course_id", "measured_on", "output_pct", "method", "coil", "operator",
            "reason", "recorded_at", "voided");
    static final List<String> SESSION = List.of("id", "course_id", "patient_id", "status", "session_no", "session_date", "start_time",
            "chair", "device_code", "technician", "physician", "mt_id", "mt_used_pct", "pct_mt", "output_pct", "pulses_planned",
            "pulses_delivered", "location_method", "interruptions", "pain", "miss_reason", "billing_code", "mt_redetermined",
            "mt_reason", "signed_by", "signed_at", "recorded_by", "recorded_at", "voided", "version");
    static final List<String> EVENT = List.of("id", "session_id", "event_type", "severity", "action");
    /** Published seizure rate with TMS: 0.31 per 10,000 sessions (domain.md 5.3). */
    static final double SEIZURE_PER_SESSION = 0.31 / 10_000;

    /** A course as generated: its id, protocol, the days sessions were given, and whether it has ended. */
    record Course(long id, Protocol protocol, List<LocalDate> given, boolean ended) {
    }

    private CourseMaker() {
    }

    /** Starts a course on the first open day from {@code start} (before today) and gives its sessions up to yesterday. */
    static Course write(Story s, Protocol p, String type, LocalDate start) {
        LocalDate first = s.ref.calendar().nextOpen(start);
        long screening = screen(s, first.minusDays(s.between(1, 10)));
        int planned = planned(p);
        boolean dropsOut = s.chance(0.08);
        int stopAt = dropsOut ? s.between(3, Math.max(4, planned - 5)) : planned;
        long id = ++s.ids.course;
        String physician = s.pick(Floor.PHYSICIANS);
        int mt = s.between(45, 75);
        int perDay = p.template().sessionsPerDay();
        // The patient's usual time: a half hour from 07:00 to 17:30; accelerated days start at 08:00.
        LocalTime usual = perDay == 1 ? LocalTime.of(7, 0).plusMinutes(30L * s.rnd.nextInt(22)) : LocalTime.of(8, 0);
        List<LocalDate> given = new ArrayList<>();
        LocalDate day = first;
        int number = 0;
        long mtId = 0;
        LocalDate mtOn = null;
        LocalDate yesterday = s.today.minusDays(1);
        // Rows for the course first: sessions and appointments point to it.
        Instant started = s.during(first.minusDays(1));
        List<Object[]> sessions = new ArrayList<>();
        List<Object[]> thresholds = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Runnable> bookings = new ArrayList<>();
        while (number < stopAt && !day.isAfter(yesterday)) {
            LocalTime wanted = usual;
            for (int k = 0; k < perDay && number < stopAt; k++) {
                boolean measure = mtOn == null || !day.isBefore(mtOn.plusDays(7));
                int minutes = measure ? p.firstSlotMinutes() : p.slotMinutes();
                Floor.Place place = s.floor.place(day, wanted, minutes, p, perDay > 1);
                if (place == null) {
                    break; // the floor is full that day: the course goes on the next
                }
                wanted = place.start().plusMinutes(Math.max(p.template().minIntervalMinutes(), minutes));
                String technician = place.chair().technician().username();
                Instant at = s.at(day, place.start().plusMinutes(minutes));
                LocalDate bookedDay = day;
                int sessionNo = number + 1;
                if (perDay == 1 && s.chance(0.08)) {
                    long missed = ++s.ids.session;
                    Bookings.Outcome o = s.chance(0.3) ? Bookings.Outcome.LATE_CANCEL : Bookings.Outcome.NO_SHOW;
                    bookings.add(() -> Bookings.write(s, id, p.code(), sessionNo, place, bookedDay, minutes, o, started));
                    sessions.add(new Object[] {missed, id, s.patientId, "MISSED", null, day, place.start(), null, null, null, null,
                            null, null, null, null, null, null, null, null, null, s.pick(List.of("Unwell", "Transport", "Work",
                            "No call")), null, false, null, null, null, technician, s.stamp(at), false, 0});
                    s.audit(at, AuditTrail.Kind.MISS, missed);
                    continue;
                }
                number++;
                String reason = null;
                if (measure) {
                    mt = Math.max(30, Math.min(90, mt + (mtOn == null ? 0 : s.between(-2, 2))));
                    reason = mtOn == null ? "first session" : "weekly re-determination";
                    mtId = ++s.ids.mt;
                    mtOn = day;
                    thresholds.add(new Object[] {mtId, s.patientId, id, day, mt, s.chance(0.7) ? "VISUAL" : "EMG",
                            place.chair().device().coil(), technician, reason, s.stamp(at), false});
                    s.audit(at, AuditTrail.Kind.MT, mtId);
                }
                bookings.add(() -> Bookings.write(s, id, p.code(), sessionNo, place, bookedDay, minutes, Bookings.Outcome.ARRIVED,
                        started));
                String code = number == 1 ? "90867" : measure ? "90869" : "90868";
                int output = Math.min(100, Protocol.outputPct(mt, p.intensityPctMt()));
                long sid = ++s.ids.session;
                sessions.add(new Object[] {sid, id, s.patientId, "DELIVERED", number, day, place.start(), place.chair().name(),
                        place.chair().device().code(), technician, physician, mtId, mt, p.intensityPctMt(), output, p.pulses(),
                        p.pulses(), "BEAM_F3", 0, s.between(0, 4), null, code, measure, reason, technician, s.stamp(at), technician,
                        s.stamp(at), false, 0});
                s.audit(at, AuditTrail.Kind.SESSION, sid);
                given.add(day);
                adverseEvent(s, sid, number, events);
            }
            day = next(s, p, day, number);
        }
        boolean ended = number >= stopAt;
        String status = !ended ? "ACTIVE" : dropsOut ? "STOPPED" : "COMPLETED";
        s.w.row("tms_course", COURSE, id, s.patientId, p.code(), type, first, "Major depressive disorder, recurrent, severe", planned,
                p.template().acuteSessions(), p.template().sessionsPerWeek(), p.template().sessionsPerDay(),
                p.template().minIntervalMinutes(), taperText(p), p.pulses(), p.intensityPctMt(), p.minPctMt(), p.maxPctMt(),
                p.trains(), p.assessEveryDays(), p.offLabel(), status,
                dropsOut && ended ? s.pick(List.of("Moved away", "Could not attend daily", "Side effects", "Patient's choice")) : null,
                screening, "demo.clinician", s.stamp(started), false, ended ? 1 : 0);
        s.audit(started, AuditTrail.Kind.COURSE_START, id);
        s.audit(started, AuditTrail.Kind.COURSE_BOOK, id);
        AuthorizationMaker.write(s, id, p.code(), type, first, planned);
        thresholds.forEach(r -> s.w.row("tms_motor_threshold", MT, r));
        sessions.forEach(r -> s.w.row("tms_session", SESSION, r));
        events.forEach(r -> s.w.row("tms_adverse_event", EVENT, r));
        bookings.forEach(Runnable::run);
        if (!ended) {
            ahead(s, id, p, day, planned - number, usual, started);
        }
        if (ended && !given.isEmpty()) {
            s.audit(s.at(given.get(given.size() - 1), LocalTime.of(18, 0)), AuditTrail.Kind.COURSE_END, id);
        }
        return new Course(id, p, given, ended);
    }

    /** An occasional adverse event at a session given: seizures at the published rate, mostly mild ones early on. */
    private static void adverseEvent(Story s, long session, int number, List<Object[]> events) {
        if (s.rnd.nextDouble() < SEIZURE_PER_SESSION) {
            events.add(new Object[] {++s.ids.adverseEvent, session, "SEIZURE", "SEVERE", "Stopped; seizure protocol; physician called"});
        } else if (s.chance(number <= 5 ? 0.08 : 0.02)) {
            events.add(new Object[] {++s.ids.adverseEvent, session, s.weighted(List.of("HEADACHE", "SCALP_PAIN", "FACIAL_TWITCH",
                    "SYNCOPE"), 60, 30, 9, 1), s.chance(0.9) ? "MILD" : "MODERATE", "Observed; continued"});
        }
    }

    /** The rest of a running course booked from today on (as the auto-scheduler would), with the patient's preference. */
    private static void ahead(Story s, long course, Protocol p, LocalDate from, int remaining, LocalTime usual, Instant booked) {
        Bookings.preference(s, course, usual, booked);
        LocalDate day = from.isBefore(s.today) ? s.ref.calendar().nextOpen(s.today) : from;
        int perDay = p.template().sessionsPerDay();
        int number = planned(p) - remaining;
        while (remaining > 0) {
            LocalTime wanted = usual;
            for (int k = 0; k < perDay && remaining > 0; k++) {
                Floor.Place place = s.floor.place(day, wanted, p.slotMinutes(), p, perDay > 1);
                if (place == null) {
                    break;
                }
                wanted = place.start().plusMinutes(Math.max(p.template().minIntervalMinutes(), p.slotMinutes()));
                Bookings.write(s, course, p.code(), ++number, place, day, p.slotMinutes(), Bookings.Outcome.AHEAD, booked);
                remaining--;
            }
            day = next(s, p, day, number);
        }
    }

    private static int planned(Protocol p) {
        return p.template().acuteSessions() + p.template().taperPattern().stream().mapToInt(Integer::intValue).sum();
    }

    /** The next day with sessions: the next open day in the acute phase, spaced out in the taper. */
    private static LocalDate next(Story s, Protocol p, LocalDate day, int given) {
        int acute = p.template().acuteSessions();
        LocalDate d = day.plusDays(1);
        if (given >= acute && p.template().sessionsPerDay() == 1) {
            int taperIndex = given - acute;
            int perWeek = taperWeek(p, taperIndex);
            d = day.plusDays(perWeek >= 3 ? 2 : perWeek == 2 ? 3 : 7);
        }
        return s.ref.calendar().nextOpen(d);
    }

    /** How many sessions a week the taper asks for at its {@code index}-th session. */
    private static int taperWeek(Protocol p, int index) {
        int seen = 0;
        for (int perWeek : p.template().taperPattern()) {
            seen += perWeek;
            if (index < seen) {
                return perWeek;
            }
        }
        return 1;
    }

    private static String taperText(Protocol p) {
        return String.join(",", p.template().taperPattern().stream().map(String::valueOf).toList());
    }

    private static long screen(Story s, LocalDate on) {
        long id = ++s.ids.screening;
        Instant at = s.during(on);
        s.w.row("tms_screening", SCREENING, id, s.patientId, s.ref.screeningForm(), on, "demo.technician", s.stamp(at), false, 0);
        for (int item : s.ref.screeningItems()) {
            s.w.row("tms_screening_answer", ANSWER, id, item, false);
        }
        s.audit(at, AuditTrail.Kind.SCREEN, id);
        return id;
    }
}
