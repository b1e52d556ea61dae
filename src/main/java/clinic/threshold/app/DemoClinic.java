package clinic.threshold.app;

import clinic.threshold.domain.user.Role;
import clinic.threshold.service.demo.DemoClinicSeeder;
import clinic.threshold.service.security.ClinicGate;
import clinic.threshold.service.security.ClinicSetup;
import clinic.threshold.service.security.SignedInClinic;
import java.time.Clock;
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

    /** A demo account as shown on the sign-in screen. */
    public record Account(String username, String password, String role) {
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("demo.admin", "demo-admin-2026", Role.ADMIN),
            new Account("demo.clinician", "demo-clinician-2026", Role.CLINICIAN),
            new Account("demo.technician", "demo-technician-2026", Role.TMS_TECHNICIAN),
            new Account("demo.scheduler", "demo-scheduler-2026", Role.SCHEDULER),
            new Account("demo.intake", "demo-intake-2026", Role.INTAKE));

    private DemoClinic() {
    }

    /** Creates the demo clinic when its folder is empty; otherwise leaves it as it is. */
    static void ensure(ClinicGate gate, Clock clock) {
        if (setUpAccounts(gate, clock)) {
            seed(gate, clock);
        }
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

    /** The demo's patients and their records, entered through the services by the accounts whose work it is. */
    private static void seed(ClinicGate gate, Clock clock) {
        Account clinician = ACCOUNTS.stream().filter(a -> a.role().equals(Role.CLINICIAN)).findFirst().orElseThrow();
        Account admin = ACCOUNTS.get(0);
        // Registered by the clinician, who may record diagnoses.
        try (SignedInClinic c = gate.signIn(clinician.username(), clinician.password().toCharArray())) {
            int added = new DemoClinicSeeder(c.patients(), c.reference(), clock).seedIfEmpty(DemoClinicSeeder.DEFAULT_PATIENTS, SEED);
            java.util.List<Long> ids = c.patients().search(new clinic.threshold.domain.patient.PatientQuery("",
                    null, null, 1000)).stream().map(clinic.threshold.domain.patient.PatientSummary::id).toList();
            int orders = new clinic.threshold.service.demo.DemoTreatmentSeeder(c.history(), c.medications(), clock).seed(ids, SEED);
            int scales = new clinic.threshold.service.demo.DemoOutcomeSeeder(c.outcomes(), clock).seed(ids, SEED);
            int sessions = new clinic.threshold.service.demo.DemoTmsSeeder(c.tms(), clock).seed(ids, SEED);
            int requests = new clinic.threshold.service.demo.DemoAuthorizationSeeder(c.authorizations(), c.letters(), c.tms(),
                    clock).seed(ids);
            LOG.info("Demo clinic created ({} patients, {} medication orders, {} rating scales, {} TMS sessions, {} "
                    + "authorization requests)", added, orders, scales, sessions, requests);
        }
        // Chairs, staff and bookings are the administrator's set-up and a scheduler's work.
        try (SignedInClinic c = gate.signIn(admin.username(), admin.password().toCharArray())) {
            java.util.List<Long> ids = c.patients().search(new clinic.threshold.domain.patient.PatientQuery("",
                    java.util.Set.of(clinic.threshold.domain.patient.PatientStatus.ACTIVE), null, 1000)).stream()
                    .map(clinic.threshold.domain.patient.PatientSummary::id).toList();
            int booked = new clinic.threshold.service.demo.DemoScheduleSeeder(c.scheduleSetup(), c.schedule(), c.waitlist())
                    .seed(ids);
            LOG.info("Demo schedule created ({} appointments)", booked);
        }
    }
}
