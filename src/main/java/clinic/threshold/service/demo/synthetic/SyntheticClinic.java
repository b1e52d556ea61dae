package clinic.threshold.service.demo.synthetic;

import clinic.threshold.data.db.Transactor;
import clinic.threshold.data.synthetic.BulkWriter;
import clinic.threshold.data.user.UserRepository;
import clinic.threshold.domain.audit.Actor;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.user.AppUser;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Builds a synthetic clinic of many patients over many years, the same for the same seed (issue 12, ADR 0020): it
 * writes rows in bulk, then appends the audit trail the work would have left. Only an administrator, only into a
 * clinic with no patients yet.
 */
public final class SyntheticClinic {
    public static final int MAX_PATIENTS = 200_000;
    public static final int MAX_YEARS = 30;
    private static final int CHUNK = 250;
    /** Protocol mix of a clinic's courses, by code; a protocol not named here gets the last weight. */
    private static final Map<String, Integer> PROTOCOL_WEIGHTS = Map.of("TENHZ", 45, "DASH", 15, "ITBS", 28, "ACC_ITBS", 4);
    private static final int OTHER_PROTOCOL_WEIGHT = 8;

    /** How big a clinic: patients registered over {@code years} up to today, drawn from {@code seed}. */
    public record Plan(int patients, int years, long seed) {
    }

    /** What was generated and how long it took. */
    public record Summary(int patients, int courses, long sessions, long rows, int auditEvents, Duration took) {
    }

    private final Transactor tx;
    private final Clock clock;
    private final Guard guard;

    public SyntheticClinic(Transactor tx, Clock clock, Guard guard) {
        this.tx = tx;
        this.clock = clock;
        this.guard = guard;
    }

    /** Generates the clinic of {@code plan}; {@code progress} hears how far it got. */
    public Summary generate(Plan plan, Consumer<String> progress) {
        UserSession s = guard.require(Permission.SETTINGS_ADMIN, "demo.generate", null);
        check(plan);
        long began = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        LocalDate opened = today.minusYears(plan.years());
        AuditTrail trail = new AuditTrail();
        Reference ref = tx.read(Reference::load);
        Ids ids = tx.read(dsl -> {
            if (dsl.fetchCount(clinic.threshold.data.jooq.Tables.PATIENT) > 0) {
                throw new ValidationException(Violation.of("patients", "synthetic.error.notEmpty"));
            }
            return Ids.after(dsl);
        });
        AuditTrail.Accounts accounts = tx.read(dsl -> accounts(dsl, s.actor()));
        SplittableRandom clinic = new SplittableRandom(plan.seed());
        long span = Math.max(1, ChronoUnit.DAYS.between(opened, today.minusDays(14)));
        Floor floor = tx.inTransaction(dsl -> {
            Floor[] f = new Floor[1];
            BulkWriter.within(dsl, w -> {
                declareFloor(w);
                f[0] = Floor.build(w, ids, ref, sessionsPerDay(plan), clinic.split());
            });
            return f[0];
        });
        int[] courses = {0};
        long[] sessions = {0};
        long rows = 0;
        for (int from = 0; from < plan.patients(); from += CHUNK) {
            int start = from;
            int end = Math.min(plan.patients(), from + CHUNK);
            // One random stream per patient, split in order: a patient's records do not depend on the chunking.
            SplittableRandom[] streams = new SplittableRandom[end - start];
            for (int i = 0; i < streams.length; i++) {
                streams[i] = clinic.split();
            }
            rows += tx.inTransaction(dsl -> BulkWriter.within(dsl, w -> {
                declare(w);
                for (int i = start; i < end; i++) {
                    Story story = new Story(streams[i - start], w, trail, ids, ref, today, clock.getZone(), floor);
                    LocalDate registered = opened.plusDays(span * i / plan.patients() + story.rnd.nextInt(7));
                    courses[0] += patient(story, registered, sessions);
                }
            }));
            progress.accept(end + " of " + plan.patients() + " patients");
        }
        tx.inTransaction(dsl -> {
            BulkWriter.restartIdentities(dsl, Ids.TABLES);
            BulkWriter.restartSequence(dsl, "seq_patient_mrn", ids.mrn);
            return null;
        });
        int events = trail.size();
        trail.append(tx, accounts, guard.audit().anchor(), n -> {
            if (n % 500_000 < 50_000) {
                progress.accept(n + " of " + events + " audit events");
            }
        });
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        tx.inTransaction(dsl -> guard.audit().append(dsl, s.actor(), new AuditEntry("demo.generate", AuditCategory.ADMIN, null,
                "clinic", null, AuditOutcome.SUCCESS, plan.patients() + " synthetic patients over " + plan.years() + " years, seed "
                + plan.seed())));
        return new Summary(plan.patients(), courses[0], sessions[0], rows + events, events, took);
    }

    /** One patient's whole story; returns the number of courses. */
    private static int patient(Story s, LocalDate registered, long[] sessions) {
        LocalDate discharged = registered.isBefore(s.today.minusMonths(30)) && s.chance(0.5)
                ? registered.plusMonths(s.between(9, 30)) : null;
        PatientMaker.write(s, registered, discharged);
        HistoryMaker.write(s, registered);
        MedicationMaker.write(s, registered, discharged);
        LocalDate until = discharged != null ? discharged : s.today.minusDays(1);
        int n = 0;
        if (s.chance(0.75)) {
            LocalDate start = registered.plusWeeks(s.between(2, 10));
            String type = "INITIAL";
            while (start.isBefore(until) && n < 4) {
                CourseMaker.Course c = CourseMaker.write(s, protocol(s), type, start);
                ScoreMaker.write(s, c);
                sessions[0] += c.given().size();
                n++;
                if (!c.ended() || c.given().isEmpty() || !s.chance(0.25)) {
                    break;
                }
                start = c.given().get(c.given().size() - 1).plusMonths(s.between(6, 18));
                type = "RETREATMENT";
            }
        }
        return n;
    }

    private static Protocol protocol(Story s) {
        List<Protocol> ps = s.ref.protocols();
        double[] weights = new double[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            weights[i] = PROTOCOL_WEIGHTS.getOrDefault(ps.get(i).code(), OTHER_PROTOCOL_WEIGHT);
        }
        return s.weighted(ps, weights);
    }

    /** The tables in the order parents come before children, so every batch flush keeps foreign keys whole. */
    private static void declare(BulkWriter w) {
        w.declare("patient", PatientMaker.COLUMNS);
        w.declare("episode", HistoryMaker.EPISODE);
        w.declare("treatment_trial", HistoryMaker.TRIAL);
        w.declare("trial_dose", HistoryMaker.DOSE);
        w.declare("tms_screening", CourseMaker.SCREENING);
        w.declare("tms_screening_answer", CourseMaker.ANSWER);
        w.declare("tms_course", CourseMaker.COURSE);
        w.declare("tms_motor_threshold", CourseMaker.MT);
        w.declare("tms_session", CourseMaker.SESSION);
        w.declare("appointment", Bookings.APPOINTMENT);
        w.declare("chair_slot", Bookings.SLOT);
        w.declare("course_booking_preference", Bookings.PREFERENCE);
        w.declare("prior_authorization", AuthorizationMaker.AUTHORIZATION);
        w.declare("authorization_event", AuthorizationMaker.EVENT);
        w.declare("medication_order", MedicationMaker.ORDER);
        w.declare("medication_dose", MedicationMaker.DOSE);
        w.declare("tms_adverse_event", CourseMaker.EVENT);
        w.declare("scale_entry", ScoreMaker.ENTRY);
        w.declare("scale_entry_item", ScoreMaker.ITEM);
        w.declare("safety_alert", ScoreMaker.ALERT);
    }

    private static void declareFloor(BulkWriter w) {
        w.declare("technician", Floor.TECHNICIAN);
        w.declare("supervising_physician", Floor.PHYSICIAN);
        w.declare("weekly_hours", Floor.HOURS);
        w.declare("tms_chair", Floor.CHAIR);
        w.declare("technician_chair", Floor.TECH_CHAIR);
        w.declare("tms_chair_protocol", Floor.CHAIR_PROTOCOL);
        w.declare("technician_protocol", Floor.TECH_PROTOCOL);
    }

    /**
     * Sessions a day the plan will bring at its steady state, to size the floor: three in four patients treated, a
     * third more courses for retreatments, about 36 sessions each, over the years' 252 working days.
     */
    private static double sessionsPerDay(Plan p) {
        return p.patients() * 0.75 * 1.33 * 36 / (p.years() * 252.0);
    }

    /** The demo accounts that do each kind of work, or the administrator running the generation where one is missing. */
    private static AuditTrail.Accounts accounts(org.jooq.DSLContext dsl, Actor admin) {
        List<AppUser> users = new UserRepository(dsl).all();
        String[] wanted = {"demo.intake", "demo.clinician", "demo.technician", "demo.scheduler"};
        long[] ids = new long[wanted.length];
        String[] names = new String[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            String name = wanted[i];
            AppUser u = users.stream().filter(x -> x.username().equals(name)).findFirst().orElse(null);
            ids[i] = u != null ? u.id() : admin.userId();
            names[i] = u != null ? u.username() : admin.username();
        }
        return new AuditTrail.Accounts(ids, names);
    }

    private static void check(Plan p) {
        if (p.patients() < 1 || p.patients() > MAX_PATIENTS) {
            throw new ValidationException(Violation.of("patients", "synthetic.error.patients", MAX_PATIENTS));
        }
        if (p.years() < 1 || p.years() > MAX_YEARS) {
            throw new ValidationException(Violation.of("years", "synthetic.error.years", MAX_YEARS));
        }
    }
}
