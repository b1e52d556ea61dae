package clinic.threshold.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.AppContext;
import clinic.threshold.app.ContextBoundServices;
import clinic.threshold.app.DemoClinic;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.app.LaunchOptions;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo clinic: a separate folder, a varied registry, the same patients for the same seed. */
// Not in the PostgreSQL pass: the demo clinic is always built in its own H2 folder.
@org.junit.jupiter.api.Tag("embedded-only")
class DemoClinicSeederIT {
    /** One demo built for the class (a quarter of a minute each): the tests only read it and sign in. */
    @TempDir
    static Path built;

    private static List<PatientSummary> everyone(ClinicServices c) {
        return c.patients().search(new PatientQuery("", null, null, 1000));
    }

    /** Opens the demo clinic (created on first use) signed in as its clinician, who may read diagnoses. */
    private static ClinicServices openDemo(Path dir) {
        AppContext ctx = AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, TestClinic.config());
        try {
            ctx.createDemo((step, fraction) -> { });
            return new ContextBoundServices(ctx.gate().signIn("demo.clinician", "demo-clinician-2026".toCharArray()), ctx);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    @Test
    void demoHasAtLeastFortyVariedPatientsInItsOwnFolder() {
        Path dir = built;
        try (ClinicServices demo = openDemo(dir)) {
            List<PatientSummary> all = everyone(demo);
            assertEquals(DemoClinic.GENERATED_PATIENTS + DemoClinic.CURATED_PATIENTS, all.size());
            assertTrue(demo.dataLocation().endsWith("demo"));
            Set<PatientStatus> statuses = all.stream().map(PatientSummary::status).collect(Collectors.toSet());
            assertEquals(Set.of(PatientStatus.values()), statuses);
            assertTrue(all.stream().map(PatientSummary::payerName).distinct().count() >= 6);
            assertTrue(all.stream().map(PatientSummary::familyName).distinct().count() >= 20);
            Set<String> codes = new HashSet<>();
            Set<Integer> decades = new HashSet<>();
            for (PatientSummary s : all) {
                Patient p = demo.patients().get(s.id());
                codes.add(p.details().primaryDiagnosisCode());
                decades.add(p.ageOn(TestClinic.TODAY) / 10);
            }
            assertTrue(codes.size() >= 4, codes.toString());
            assertTrue(decades.size() >= 5, decades.toString());
        }
        try (ClinicServices real = TestClinic.open(dir)) {
            assertEquals(0, real.patients().count(), "the real clinic stays empty");
        }
    }

    @Test
    void demoPatientsHaveRealisticMedicationHistoriesThatMakeSomeOfThemTrd() {
        Path dir = built;
        long started = System.nanoTime();
        try (ClinicServices demo = openDemo(dir)) {
            System.out.printf("DEMO created in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            int withOrders = 0;
            int trd = 0;
            int switches = 0;
            int augmented = 0;
            int confirmedTrials = 0;
            Set<String> drugs = new HashSet<>();
            for (PatientSummary s : everyone(demo)) {
                var meds = demo.medications().overview(s.id());
                if (!meds.orders().isEmpty()) {
                    withOrders++;
                }
                meds.orders().forEach(o -> drugs.add(o.order().agent()));
                switches += (int) meds.plans().stream().filter(p -> p.switchId() != null).count() / 2;
                augmented += meds.orders().stream().anyMatch(o -> o.order().role()
                        == clinic.threshold.domain.medication.OrderRole.AUGMENTATION) ? 1 : 0;
                confirmedTrials += (int) meds.orders().stream().filter(o -> o.trialId() != null).count();
                trd += demo.history().overview(s.id()).assessment().trd() ? 1 : 0;
            }
            System.out.printf("DEMO patients-with-orders=%d trd=%d switches=%d augmented=%d trials=%d drugs=%d%n",
                    withOrders, trd, switches, augmented, confirmedTrials, drugs.size());
            assertTrue(withOrders >= 35, "most patients have a medication history: " + withOrders);
            assertTrue(trd >= 5, "some demo patients meet the TRD definition: " + trd);
            assertTrue(switches >= 3, "planned cross-tapers to look at: " + switches);
            assertTrue(augmented >= 3, "augmenting agents: " + augmented);
            assertTrue(confirmedTrials >= 40, "stopped orders became trials: " + confirmedTrials);
            assertTrue(drugs.size() >= 10, drugs.toString());
            int responders = 0;
            int partial = 0;
            int none = 0;
            int remitted = 0;
            for (PatientSummary s : everyone(demo)) {
                for (var series : demo.outcomes().overview(s.id()).series()) {
                    if (!series.scale().code().equals("PHQ9") || series.latest() == null) {
                        continue;
                    }
                    switch (series.latest().change()) {
                        case RESPONSE -> responders++;
                        case PARTIAL_RESPONSE -> partial++;
                        default -> none++;
                    }
                    remitted += series.latest().remission() ? 1 : 0;
                }
            }
            int open = demo.outcomes().workList().size();
            System.out.printf("DEMO phq9 responders=%d partial=%d none=%d remitted=%d open-alerts=%d%n", responders,
                    partial, none, remitted, open);
            assertTrue(responders >= 10 && partial >= 5 && none >= 5, "a realistic mix of trajectories");
            assertTrue(remitted >= 5, "some remit");
            assertTrue(open >= 1, "the work list has an alert to review");
        }
    }

    @Test
    void demoHasTmsCoursesInEveryPhase() {
        Path dir = built;
        try (ClinicServices demo = openDemo(dir)) {
            java.util.Set<String> seen = new java.util.TreeSet<>();
            int sessions = 0;
            int mtCodes = 0;
            int events = 0;
            boolean clearance = false;
            for (PatientSummary s : everyone(demo)) {
                var tms = demo.tms().overview(s.id());
                clearance |= tms.screening().status() == clinic.threshold.domain.tms.ScreeningStatus.NEEDS_CLEARANCE;
                for (var c : tms.courses()) {
                    var course = c.course();
                    seen.add(course.status() == clinic.threshold.domain.tms.CourseStatus.ACTIVE
                            ? (course.type() == clinic.threshold.domain.tms.CourseType.INITIAL ? c.progress().phase().name()
                                    : course.type().name())
                            : course.status().name());
                    for (var ss : c.progress().sessions()) {
                        sessions += ss.delivered() ? 1 : 0;
                        mtCodes += "90869".equals(ss.billingCode()) ? 1 : 0;
                        events += ss.delivered() ? ss.entry().events().size() : 0;
                    }
                    if (c.protocol().template().accelerated()) {
                        seen.add("ACCELERATED");
                    }
                }
            }
            System.out.printf("DEMO tms phases=%s sessions=%d mt-redeterminations=%d adverse-events=%d%n", seen, sessions,
                    mtCodes, events);
            assertTrue(seen.containsAll(List.of("ACUTE", "TAPER", "EXTENSION", "RETREATMENT", "MAINTENANCE", "COMPLETED",
                    "STOPPED", "ACCELERATED")), seen.toString());
            assertTrue(sessions >= 200, "sessions on record: " + sessions);
            assertTrue(mtCodes >= 10, "weekly MT re-determinations billed as 90869: " + mtCodes);
            assertTrue(events >= 1 && clearance, "an adverse event and a screening waiting for clearance");
        }
    }

    @Test
    void everyDemoCourseWithASessionHasACourseBaselineOnItsScale() {
        try (ClinicServices demo = openDemo(built)) {
            int courses = 0;
            List<String> without = new java.util.ArrayList<>();
            for (PatientSummary s : everyone(demo)) {
                var tms = demo.tms().overview(s.id());
                if (tms.courses().isEmpty()) {
                    continue;
                }
                var measured = demo.outcomes().overview(s.id()).courseOutcomes();
                for (var c : tms.courses()) {
                    if (c.progress().sessions().stream().noneMatch(x -> x.delivered())) {
                        continue;
                    }
                    courses++;
                    String scale = c.protocol().assessmentScale();
                    if (measured.stream().noneMatch(o -> o.course().courseId() == c.course().id()
                            && o.scale().code().equals(scale) && o.baseline() != null)) {
                        without.add(s.mrn() + " course " + c.course().id() + " (" + c.course().start() + ")");
                    }
                }
            }
            System.out.printf("DEMO courses with sessions=%d without a baseline=%d%n", courses, without.size());
            assertTrue(courses >= 10, "courses with sessions: " + courses);
            assertEquals(List.of(), without, "every course measured from a score in the days before its first session");
        }
    }

    @Test
    void everyRoleHasADemoAccountThatSignsInWithoutAPasswordChange() {
        Path dir = built;
        try (ClinicServices demo = openDemo(dir)) {
            assertTrue(demo.session().current().orElseThrow().roles().contains("CLINICIAN"));
        }
        for (String[] a : new String[][] {{"demo.admin", "demo-admin-2026", "ADMIN"},
                {"demo.technician", "demo-technician-2026", "TMS_TECHNICIAN"},
                {"demo.scheduler", "demo-scheduler-2026", "SCHEDULER"}}) {
            AppContext ctx = AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, TestClinic.config());
            try (ClinicServices c = new ContextBoundServices(ctx.gate().signIn(a[0], a[1].toCharArray()), ctx)) {
                var s = c.session().current().orElseThrow();
                assertEquals(Set.of(a[2]), s.roles());
                assertTrue(!s.mustChangePassword(), a[0]);
            }
        }
    }

    /** A build cut short leaves its marker, so the next start says the demo is incomplete instead of showing gaps. */
    @Test
    void aBuildCutShortIsReportedAsIncomplete(@TempDir Path dir) {
        try (AppContext ctx = AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, TestClinic.config())) {
            assertTrue(ctx.demoPending());
            RuntimeException stop = new IllegalStateException("window closed by force");
            assertEquals(stop, org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> ctx.createDemo((step, fraction) -> {
                        if (step.equals("demoPatients")) {
                            throw stop;
                        }
                    })));
            assertTrue(!ctx.demoPending(), "the folder is set up");
            assertTrue(ctx.demoIncomplete(), "and known to be incomplete");
        }
        try (AppContext ctx = AppContext.open(new LaunchOptions(dir, true), Map.of(), TestClinic.CLOCK, TestClinic.config())) {
            assertTrue(ctx.demoIncomplete(), "still known at the next start");
        }
    }

    @Test
    void sameSeedSamePatientsAndReopeningAddsNone(@TempDir Path b) {
        Path a = built;
        List<String> first;
        try (ClinicServices demo = openDemo(a)) {
            first = everyone(demo).stream().map(s -> s.mrn() + s.familyName() + s.birthDate()).toList();
        }
        try (ClinicServices demo = openDemo(b)) {
            assertEquals(first, everyone(demo).stream().map(s -> s.mrn() + s.familyName() + s.birthDate()).toList());
        }
        try (ClinicServices again = openDemo(a)) {
            assertEquals(DemoClinic.GENERATED_PATIENTS + DemoClinic.CURATED_PATIENTS, again.patients().count());
        }
    }
}
