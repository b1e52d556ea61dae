package clinic.threshold.app;

import clinic.threshold.domain.common.Progress;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.demo.DemoAuthorizationSeeder;
import clinic.threshold.service.demo.DemoClinicSeeder;
import clinic.threshold.service.demo.DemoOutcomeSeeder;
import clinic.threshold.service.demo.DemoScheduleSeeder;
import clinic.threshold.service.demo.DemoTmsSeeder;
import clinic.threshold.service.demo.DemoTreatmentSeeder;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.ClinicSetup;
import clinic.threshold.service.security.SignedInClinic;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo clinic: synthetic patients and one account per role, whose names and passwords the sign-in
 * screen shows (in demo mode only). It lives in its own folder, never beside real records.
 */
public final class DemoClinic {
    private static final Logger LOG = LoggerFactory.getLogger(DemoClinic.class);
    static final long SEED = 20_261_127L;
    /** The generated part: a small clinic's four years, a few seconds to build (issue 12). */
    public static final int GENERATED_PATIENTS = 400;
    public static final int GENERATED_YEARS = 4;
    /** The curated part, with an example of every state the app can show. */
    public static final int CURATED_PATIENTS = 60;

    /** A demo account as shown on the sign-in screen. */
    public record Account(String username, String password, String role) {
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("demo.admin", "demo-admin-2026", Role.ADMIN),
            new Account("demo.clinician", "demo-clinician-2026", Role.CLINICIAN),
            new Account("demo.technician", "demo-technician-2026", Role.TMS_TECHNICIAN),
            new Account("demo.scheduler", "demo-scheduler-2026", Role.SCHEDULER),
            new Account("demo.intake", "demo-intake-2026", Role.INTAKE));

    /** The steps {@link #ensure} reports (keys under {@code restore.step.} in the messages). */
    static final String STEP_HISTORY = "demoHistory";
    static final String STEP_PATIENTS = "demoPatients";
    static final String STEP_SCHEDULE = "demoSchedule";
    private static final java.util.regex.Pattern PATIENTS_DONE = java.util.regex.Pattern.compile("(\\d+) of (\\d+) patients");

    private DemoClinic() {
    }

    /** The generator reports "N of M patients" as it goes, then the audit events; the fraction of patients done. */
    private static double generated(String report) {
        java.util.regex.Matcher m = PATIENTS_DONE.matcher(report);
        return m.find() ? Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)) : -1;
    }

    /**
     * Creates the demo clinic when its folder is empty (a quarter of a minute or so) and returns true; otherwise leaves
     * it as it is. {@code progress} hears each step and, while the history is generated, how far it got.
     */
    static boolean ensure(ClinicGate gate, Clock clock, Progress progress) {
        if (!setUpAccounts(gate, clock)) {
            return false;
        }
        seed(gate, clock, progress);
        return true;
    }

    /**
     * Sets a new folder up as a demo clinic: the clinic and one account per role with the published passwords. Returns
     * false (and does nothing) when the folder already holds a clinic.
     */
    static boolean setUpAccounts(ClinicGate gate, Clock clock) {
        if (gate.isSetUp()) {
            return false;
        }
        Account admin = ACCOUNTS.get(0);
        ClinicGate.SetupResult r = gate.setUp(new ClinicSetup("Demo TRD Clinic", clock.getZone().getId(),
                admin.username(), "Demo Administrator", admin.password().toCharArray(),
                admin.password().toCharArray()));
        try (SignedInClinic clinic = r.clinic()) {
            for (Account a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
                clinic.users().create(a.username(), "Demo " + a.role().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '), Set.of(a.role()), a.password().toCharArray());
            }
        }
        // Demo users keep their published passwords: each "changes" it to itself once, so that sign-in does
        // not ask them for a new one.
        for (Account a : ACCOUNTS.subList(1, ACCOUNTS.size())) {
            try (SignedInClinic c = gate.signIn(a.username(), a.password().toCharArray())) {
                c.session().changePassword(a.password().toCharArray(), a.password().toCharArray(),
                        a.password().toCharArray());
            }
        }
        return true;
    }

    /**
     * The demo's records: first the synthetic clinic's years of history (the same generator as {@code threshold
     * demo-data}, issue 12, with a small plan), then the curated patients, entered through the services by the
     * accounts whose work it is, so that every state the app can show has an example, booked onto the generated floor.
     */
    /** Each curated patient's TMS courses, oldest first, as the demo's scores follow them. */
    private static java.util.Map<Long, List<DemoOutcomeSeeder.CourseSpan>> courseSpans(SignedInClinic c, List<Long> ids,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        java.util.Map<Long, List<DemoOutcomeSeeder.CourseSpan>> out = new java.util.HashMap<>();
        for (long id : ids) {
            List<DemoOutcomeSeeder.CourseSpan> spans = new java.util.ArrayList<>();
            for (var v : c.tms().overview(id).courses()) {
                List<LocalDate> given = v.progress().sessions().stream()
                        .filter(clinic.threshold.domain.tms.SavedSession::delivered)
                        .map(clinic.threshold.domain.tms.SavedSession::date).sorted().toList();
                LocalDate first = given.isEmpty() ? v.course().start() : given.get(0);
                boolean running = v.course().status() == clinic.threshold.domain.tms.CourseStatus.ACTIVE;
                spans.add(new DemoOutcomeSeeder.CourseSpan(first, running || given.isEmpty() ? today
                        : given.get(given.size() - 1)));
            }
            if (!spans.isEmpty()) {
                spans.sort(java.util.Comparator.comparing(DemoOutcomeSeeder.CourseSpan::first));
                out.put(id, spans);
            }
        }
        return out;
    }

    private static void seed(ClinicGate gate, Clock clock, Progress progress) {
        Account admin = ACCOUNTS.get(0);
        progress.update(STEP_HISTORY, 0);
        try (SignedInClinic c = gate.signIn(admin.username(), admin.password().toCharArray())) {
            var s = c.synthetic().generate(new SyntheticClinic.Plan(GENERATED_PATIENTS, GENERATED_YEARS, SEED),
                    done -> progress.update(STEP_HISTORY, generated(done)));
            LOG.info("Demo clinic history generated ({} patients, {} courses, {} sessions, {} audit events) in {} ms",
                    s.patients(), s.courses(), s.sessions(), s.auditEvents(), s.took().toMillis());
        }
        Account clinician = ACCOUNTS.stream().filter(a -> a.role().equals(Role.CLINICIAN)).findFirst().orElseThrow();
        List<Long> ids;
        // Registered by the clinician, who may record diagnoses.
        progress.update(STEP_PATIENTS, -1);
        try (SignedInClinic c = gate.signIn(clinician.username(), clinician.password().toCharArray())) {
            ids = new DemoClinicSeeder(c.patients(), c.reference(), clock).seed(CURATED_PATIENTS, SEED);
            int orders = new DemoTreatmentSeeder(c.history(), c.medications(), clock).seed(ids, SEED);
            // Courses first, so that each course's scores can start from a baseline before its first session.
            int sessions = new DemoTmsSeeder(c.tms(), clock).seed(ids, SEED);
            int scales = new DemoOutcomeSeeder(c.outcomes(), clock).seed(ids, SEED, courseSpans(c, ids, clock));
            int requests = new DemoAuthorizationSeeder(c.authorizations(), c.letters(), c.tms(), clock).seed(ids);
            LOG.info("Demo clinic's curated patients created ({} patients, {} medication orders, {} rating scales, {} "
                    + "TMS sessions, {} authorization requests)", ids.size(), orders, scales, sessions, requests);
        }
        // Bookings are a scheduler's work, the absence an administrator's.
        progress.update(STEP_SCHEDULE, -1);
        try (SignedInClinic c = gate.signIn(admin.username(), admin.password().toCharArray())) {
            int booked = new DemoScheduleSeeder(c.scheduleSetup(), c.schedule(), c.waitlist()).seed(ids);
            LOG.info("Demo schedule created ({} appointments)", booked);
        }
    }
}
