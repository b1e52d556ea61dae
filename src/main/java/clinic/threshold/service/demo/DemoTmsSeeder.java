package clinic.threshold.service.demo;

import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.tms.AdverseEvent;
import clinic.threshold.domain.tms.AdverseEventType;
import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.ClinicCalendar;
import clinic.threshold.domain.tms.CoursePlanner;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.EventSeverity;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ScreeningAnswer;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.service.tms.TmsService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * TMS courses for the demo clinic, recorded through the real service, one patient per phase: acute, taper,
 * extension, retreatment (after a completed course), maintenance, completed, stopped after an adverse
 * event, an accelerated course, a screening that waits for a physician's clearance, and a course about to
 * start. Sessions run up to yesterday, so today's is left to record. Deterministic for a seed.
 */
public final class DemoTmsSeeder {
    private static final String TECH = "demo.technician";
    private static final String DOCTOR = "demo.clinician";

    private final TmsService tms;
    private final java.time.Clock clock;
    private TmsReference ref;
    private LocalDate today;
    private Random rnd;

    public DemoTmsSeeder(TmsService tms, java.time.Clock clock) {
        this.tms = tms;
        this.clock = clock;
    }

    /** Returns how many sessions it recorded (given or missed). */
    public int seed(List<Long> patientIds, long seed) {
        rnd = new Random(seed);
        ref = tms.reference();
        today = LocalDate.now(clock);
        ClinicCalendar cal = ref.calendar();
        int count = 0;
        List<Long> ids = new ArrayList<>();
        for (int i = 2; i < patientIds.size() && ids.size() < 10; i += 3) {
            ids.add(patientIds.get(i));
        }
        for (int i = 0; i < ids.size(); i++) {
            long p = ids.get(i);
            switch (i) {
                case 0 -> count += course(p, "TENHZ", CourseType.INITIAL, back(cal, 12), 36, 0.06, null, null);
                case 1 -> count += course(p, "TENHZ", CourseType.INITIAL, back(cal, 32), 36, 0.03, null, null);
                case 2 -> count += course(p, "DASH", CourseType.INITIAL, back(cal, 36), 46, 0.03, null, null);
                case 3 -> {
                    count += course(p, "TENHZ", CourseType.INITIAL, today.minusMonths(10), 36, 0.02, CourseStatus.COMPLETED,
                            null);
                    count += course(p, "TENHZ", CourseType.RETREATMENT, back(cal, 5), 36, 0.0, null, null);
                }
                case 4 -> count += course(p, "ITBS", CourseType.MAINTENANCE, back(cal, 8), 10, 0.0, null, null);
                case 5 -> count += course(p, "TENHZ", CourseType.INITIAL, today.minusMonths(5), 36, 0.04,
                        CourseStatus.COMPLETED, null);
                case 6 -> count += course(p, "DTMS_H1", CourseType.INITIAL, today.minusMonths(3), 44, 0.0,
                        CourseStatus.STOPPED, 12);
                case 7 -> count += course(p, "ACC_ITBS", CourseType.INITIAL, today.minusMonths(2), 50, 0.0,
                        CourseStatus.COMPLETED, null);
                case 8 -> screen(p, today.minusDays(2), true);
                default -> {
                    screen(p, today.minusDays(3), false);
                    tms.startCourse(p, request("TENHZ", CourseType.INITIAL, cal.nextOpen(today.plusDays(3)), 36));
                }
            }
        }
        return count;
    }

    /** The open day {@code openDays} clinic days before today. */
    private LocalDate back(ClinicCalendar cal, int openDays) {
        LocalDate d = today.minusDays(1);
        int n = 0;
        while (true) {
            if (cal.isOpen(d) && ++n >= openDays) {
                return d;
            }
            d = d.minusDays(1);
        }
    }

    private CourseRequest request(String protocol, CourseType type, LocalDate start, int planned) {
        return new CourseRequest(protocol, type, start, "Major depressive disorder, recurrent, severe, treatment-resistant",
                planned, new Authorization("Demo Health Plan", "PA-" + (100000 + rnd.nextInt(900000)), planned, start,
                        start.plusWeeks(planned > 40 ? 12 : 9)));
    }

    private void screen(long patient, LocalDate on, boolean physicianReview) {
        List<ScreeningAnswer> answers = new ArrayList<>();
        boolean flagged = false;
        for (ScreeningItem i : ref.screeningForm()) {
            boolean yes = physicianReview && !flagged && i.severity() == ScreeningSeverity.PHYSICIAN_REVIEW;
            flagged |= yes;
            answers.add(new ScreeningAnswer(i.number(), yes, yes ? "One febrile seizure at age 2; none since" : null));
        }
        tms.screen(patient, on, answers);
    }

    /**
     * One course: screened the week before, started, its sessions given on the plan's days up to yesterday
     * (or all of them for a course that ended), some missed, the motor threshold measured on day one and then
     * weekly; ended with {@code end} when given ({@code stopAfter} sessions for a stopped course).
     */
    private int course(long patient, String code, CourseType type, LocalDate start, int planned, double missRate,
            CourseStatus end, Integer stopAfter) {
        LocalDate first = ref.calendar().nextOpen(start);
        screen(patient, first.minusDays(7), false);
        long course = tms.startCourse(patient, request(code, type, first, planned));
        Protocol p = ref.protocol(code).orElseThrow();
        Set<LocalDate> missed = new HashSet<>();
        List<PlannedSession> plan = new CoursePlanner(ref.calendar()).plan(p.template(), first, planned);
        for (PlannedSession s : plan) {
            if (s.number() > 1 && s.ofDay() == 1 && rnd.nextDouble() < missRate) {
                missed.add(s.date());
            }
        }
        ClinicCalendar withMisses = new ClinicCalendar(ref.calendar().openDays(), union(ref.calendar().closures(), missed),
                ref.calendar().yearlyClosures());
        plan = new CoursePlanner(withMisses).plan(p.template(), first, planned);
        int baseMt = 48 + rnd.nextInt(20);
        LocalDate lastMt = null;
        int count = 0;
        int limit = stopAfter == null ? planned : stopAfter;
        List<LocalDate> misses = new ArrayList<>(missed.stream().sorted().toList());
        for (PlannedSession s : plan) {
            if (s.number() > limit || !s.date().isBefore(today)) {
                break;
            }
            while (!misses.isEmpty() && misses.get(0).isBefore(s.date())) {
                tms.recordMiss(patient, course, SessionStatus.MISSED, misses.remove(0), rnd.nextBoolean() ? "Unwell"
                        : "Transport fell through");
                count++;
            }
            MtReading mt = null;
            if (lastMt == null) {
                mt = new MtReading(baseMt, MtMethod.EMG, null);
            } else if (ChronoUnit.DAYS.between(lastMt, s.date()) >= ref.rules().mtEveryDays() && s.ofDay() == 1) {
                mt = new MtReading(baseMt + rnd.nextInt(5) - 2, MtMethod.EMG, "weekly re-determination");
            }
            if (mt != null) {
                lastMt = s.date();
            }
            record(patient, course, p, s, mt, stopAfter != null && s.number() == stopAfter - 2);
            count++;
        }
        if (end != null) {
            int version = tms.overview(patient).courses().stream().filter(c -> c.course().id() == course).findFirst()
                    .orElseThrow().course().version();
            tms.endCourse(patient, course, version, end, end == CourseStatus.STOPPED
                    ? "Scalp pain not tolerated despite lower intensity; patient chose to stop" : null);
        }
        return count;
    }

    private void record(long patient, long course, Protocol p, PlannedSession s, MtReading mt, boolean event) {
        List<AdverseEvent> events = event ? List.of(new AdverseEvent(AdverseEventType.SCALP_PAIN, EventSeverity.MODERATE,
                "Paused, coil repositioned, intensity titrated down for the rest of the session")) : List.of();
        int pain = event ? 6 : rnd.nextInt(4);
        // Accelerated days run 55 minutes apart from 08:00 (the protocol asks for at least 50); others at a usual time.
        LocalTime at = p.template().accelerated() ? LocalTime.of(8, 0).plusMinutes(55L * (s.ofDay() - 1))
                : LocalTime.of(8, 0).plusMinutes(30L * rnd.nextInt(16));
        SessionEntry e = new SessionEntry(s.date(), at,
                "Chair " + (1 + (int) (patient % 3)), p.code().equals("DTMS_H1") ? "H1" : "FIG8", TECH, DOCTOR, mt,
                p.intensityPctMt(), p.pulses(), p.pulses(), null, p.trains(), p.trains(),
                p.template().accelerated() ? LocationMethod.NAVIGATION : LocationMethod.BEAM_F3,
                p.template().accelerated() ? null : new BigDecimal("36.0"),
                p.template().accelerated() ? null : new BigDecimal("35.5"),
                p.template().accelerated() ? null : new BigDecimal("57.0"), "F3", 0, null, pain,
                new PreSessionCheck(new BigDecimal(6 + rnd.nextInt(3)), false, false, false, false), events, null);
        try {
            tms.recordSession(patient, course, e);
        } catch (ValidationException ex) {
            // A seizure-threshold-lowering drug started during the course: the technician screens again first.
            screen(patient, s.date(), false);
            tms.recordSession(patient, course, e);
        }
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
