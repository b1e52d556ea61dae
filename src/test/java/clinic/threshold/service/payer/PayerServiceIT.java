package clinic.threshold.service.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.outcome.ScaleEntry;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored policies equal the shipped seed; a patient's readiness for their payer from the chart's own records. */
class PayerServiceIT {
    static final LocalDate TODAY = TestClinic.TODAY;
    /** Centene / Ambetter in the payer registry (V002). */
    static final int CENTENE = 7;

    @TempDir
    Path dir;

    @Test
    void theStoredPoliciesAreTheShippedSeedAndUnverified() {
        try (var c = TestClinic.open(dir)) {
            List<PayerPolicy> stored = c.payers().policies();
            assertEquals(PolicyJson.seed().stream().sorted(Comparator.comparing(PayerPolicy::code)).toList(), stored);
            assertTrue(stored.stream().noneMatch(PayerPolicy::verified));
        }
    }

    @Test
    void readinessForThePatientsPayerFollowsTheChart() {
        try (var c = TestClinic.open(dir)) {
            var p = c.patients().create(new PatientDetails(null, "Rae", "Ready", null, LocalDate.of(1981, 5, 1), Sex.FEMALE, null,
                    null, null, null, null, CENTENE, "M-1", null, "F33.2", null));
            Readiness before = c.payers().readiness(p.id()).orElseThrow();
            assertEquals("CENTENE_CP_BH_200", before.policy().code());
            assertEquals(Readiness.Overall.MISSING_INFORMATION, before.overall(), "no history and no score yet");

            c.historyTransfer().importJson(clinic.threshold.testing.PayerFixture.history(p.mrn()));
            Readiness unscreened = c.payers().readiness(p.id()).orElseThrow();
            assertEquals(Readiness.Status.MISSING, status(unscreened, "exclusions"), "no screening: exclusions undocumented");
            clinic.threshold.testing.AuthorizationFixture.screen(c, p.id(), TODAY.minusDays(3));
            Readiness noScore = c.payers().readiness(p.id()).orElseThrow();
            assertEquals(Readiness.Overall.MISSING_INFORMATION, noScore.overall());
            assertEquals(List.of("severity"), noScore.criteria().stream().filter(x -> x.status() != Readiness.Status.MET)
                    .map(Readiness.Criterion::id).toList(), "only the score is missing");

            c.outcomes().record(p.id(), new ScaleEntry("PHQ9", TODAY.minusDays(2),
                    Arrays.asList(3, 3, 3, 2, 2, 2, 2, 2, 0), null, "patient"), false);
            Readiness ready = c.payers().readiness(p.id()).orElseThrow();
            assertEquals(Readiness.Overall.READY, ready.overall(), ready.criteria().toString());
        }
    }

    @Test
    void aPatientWithoutAPayerHasNoAnswer() {
        try (var c = TestClinic.open(dir)) {
            long id = c.patients().create(TestClinic.person("No", "Payer", LocalDate.of(1970, 1, 1), null)).id();
            assertTrue(c.payers().readiness(id).isEmpty());
        }
    }

    @Test
    void aScreeningYesToSeizuresIsAnExclusionForMedicare() {
        try (var c = TestClinic.open(dir)) {
            var p = clinic.threshold.testing.AuthorizationFixture.readyPatient(c, "Sei", "Zure");
            var details = c.patients().get(p.id()).details();
            var medicare = new PatientDetails(details.mrn(), details.givenName(), details.familyName(), null, details.birthDate(),
                    details.sex(), null, null, null, null, null, 1, "MED-1", null, details.primaryDiagnosisCode(), null);
            c.patients().update(p.id(), c.patients().get(p.id()).version(), medicare);
            Readiness clear = c.payers().readiness(p.id()).orElseThrow();
            assertEquals("MEDICARE_NOVITAS_L34998", clear.policy().code());
            assertEquals(Readiness.Status.MET, status(clear, "exclusions"));

            c.tms().screen(p.id(), TODAY.minusDays(1), c.tms().reference().screeningForm().stream()
                    .map(i -> new clinic.threshold.domain.tms.ScreeningAnswer(i.number(), i.number() == 6, i.number() == 6
                            ? "one seizure in 2019" : null)).toList());
            Readiness seizure = c.payers().readiness(p.id()).orElseThrow();
            Readiness.Criterion ex = seizure.criteria().stream().filter(x -> x.id().equals("exclusions")).findFirst().orElseThrow();
            assertEquals(Readiness.Status.UNMET, ex.status());
            assertEquals(List.of("SEIZURE_DISORDER"), ex.evidence());
            assertEquals(Readiness.Overall.NOT_READY, seizure.overall());
        }
    }

    @Test
    void aNewScreeningFormVersionKeepsThePayerExclusionsOfTheItemsItKeeps() {
        try (var c = TestClinic.open(dir)) {
            var p = clinic.threshold.testing.AuthorizationFixture.readyPatient(c, "Ver", "Sion");
            var details = c.patients().get(p.id()).details();
            var medicare = new PatientDetails(details.mrn(), details.givenName(), details.familyName(), null, details.birthDate(),
                    details.sex(), null, null, null, null, null, 1, "MED-1", null, details.primaryDiagnosisCode(), null);
            c.patients().update(p.id(), c.patients().get(p.id()).version(), medicare);
            int before = c.tms().reference().screeningFormVersion();
            List<clinic.threshold.domain.tms.ScreeningItem> form = new java.util.ArrayList<>(c.tms().reference().screeningForm());
            form.replaceAll(i -> i.number() == 6 ? new clinic.threshold.domain.tms.ScreeningItem(6,
                    "Epilepsy, or any seizure or convulsion ever", i.severity(), i.confidence(), "reviewed 2026-11-28") : i);

            List<clinic.threshold.domain.tms.ScreeningItem> withoutHeadInjury = form.stream().filter(i -> i.number() != 9).toList();
            var refused = org.junit.jupiter.api.Assertions.assertThrows(
                    clinic.threshold.domain.common.ValidationException.class,
                    () -> c.tmsReference().saveScreeningForm(before, withoutHeadInjury));
            assertEquals(List.of("item9:reference.error.itemHasExclusionRule"), refused.violations().stream()
                    .map(v -> v.field() + ":" + v.messageKey()).toList(), "the head-injury item is read by an exclusion rule");
            assertEquals(before, c.tms().reference().screeningFormVersion(), "nothing saved");

            int version = c.tmsReference().saveScreeningForm(before, form.stream().filter(i -> i.number() != 18).toList());
            c.tms().screen(p.id(), TODAY.minusDays(1), c.tms().reference().screeningForm().stream()
                    .map(i -> new clinic.threshold.domain.tms.ScreeningAnswer(i.number(), i.number() == 6 || i.number() == 1,
                            i.number() == 6 || i.number() == 1 ? "seizure in 2019; aneurysm clip" : null)).toList());
            assertEquals(version, c.tms().overview(p.id()).screening().latest().formVersion());
            Readiness.Criterion ex = c.payers().readiness(p.id()).orElseThrow().criteria().stream()
                    .filter(x -> x.id().equals("exclusions")).findFirst().orElseThrow();
            assertEquals(Readiness.Status.UNMET, ex.status(), "a yes on the new version still shows the exclusions");
            assertEquals("[METAL_NEAR_COIL, SEIZURE_DISORDER]", ex.evidence().toString());
            List<String> trace = new java.util.ArrayList<>();
            TestClinic.sqlQuery(dir, "SELECT detail FROM audit_event WHERE action = 'payer.exclusion.add' ORDER BY seq",
                    trace::add);
            assertEquals(7, trace.size(), "each carried rule is audited: " + trace);
            assertTrue(trace.contains("SCREENING " + version + "/6 -> SEIZURE_DISORDER [U]: carried from form " + before), trace.toString());
        }
    }

    @Test
    void aFinishedCourseThatWorkedOpensNgsPriorResponseRoute() {
        try (var c = TestClinic.open(dir)) {
            var p = c.patients().create(new PatientDetails(null, "Pri", "Or", null, LocalDate.of(1970, 3, 3), Sex.MALE, null,
                    null, null, null, null, 4, "NGS-1", null, "F33.2", null));
            c.historyTransfer().importJson(clinic.threshold.testing.PayerFixture.history(p.mrn()));
            LocalDate start = TODAY.minusWeeks(20).with(java.time.DayOfWeek.MONDAY);
            c.outcomes().record(p.id(), clinic.threshold.testing.AuthorizationFixture.phq(start.minusDays(2), 3, 3, 3, 3, 2, 2, 2, 2, 0),
                    false); // 20
            clinic.threshold.testing.AuthorizationFixture.screen(c, p.id(), start.minusDays(5));
            long course = clinic.threshold.testing.AuthorizationFixture.courseWithSessions(c, p.id(), start, start.plusWeeks(6));
            c.outcomes().record(p.id(), clinic.threshold.testing.AuthorizationFixture.phq(start.plusWeeks(6), 1, 1, 1, 1, 1, 1, 1, 1, 0),
                    false); // 8: 60% better
            var view = c.tms().overview(p.id()).courses().get(0).course();
            c.tms().endCourse(p.id(), course, view.version(), clinic.threshold.domain.tms.CourseStatus.COMPLETED, "acute course done");
            c.outcomes().record(p.id(), clinic.threshold.testing.AuthorizationFixture.phq(TODAY.minusDays(3), 3, 3, 3, 2, 2, 2, 2, 2, 0),
                    false); // relapse, 19

            Readiness r = c.payers().readiness(p.id()).orElseThrow();
            assertEquals("MEDICARE_NGS_L33398", r.policy().code());
            assertEquals(Readiness.Status.MET, status(r, "alternative"), r.criteria().toString());
            assertEquals(List.of(60), r.criteria().stream().filter(x -> x.id().equals("alternative")).findFirst().orElseThrow()
                    .evidence(), "the course's 60% improvement is the evidence");
        }
    }

    @Test
    void intakeHoldsPatientsWithoutACourseUnderWay() {
        try (var c = TestClinic.open(dir)) {
            var waiting = clinic.threshold.testing.AuthorizationFixture.readyPatient(c, "No", "Course");
            var created = clinic.threshold.testing.AuthorizationFixture.readyPatient(c, "Not", "Started");
            clinic.threshold.testing.AuthorizationFixture.screen(c, created.id(), TODAY.minusDays(2));
            c.tms().startCourse(created.id(), new clinic.threshold.domain.tms.CourseRequest("TENHZ",
                    clinic.threshold.domain.tms.CourseType.INITIAL, TODAY.plusDays(3), "MDD", 36,
                    clinic.threshold.domain.tms.Authorization.NONE));
            var running = clinic.threshold.testing.AuthorizationFixture.readyPatient(c, "Under", "Way");
            clinic.threshold.testing.AuthorizationFixture.screen(c, running.id(), TODAY.minusDays(12));
            clinic.threshold.testing.AuthorizationFixture.courseWithSessions(c, running.id(), TODAY.minusDays(10), TODAY.minusDays(1));
            List<String> names = c.payers().intake().stream().map(r -> r.name()).toList();
            assertEquals(List.of("Course, No", "Started, Not"), names);
            var row = c.payers().intake().get(0);
            assertEquals(Readiness.Overall.READY, row.readiness().overall(), row.readiness().criteria().toString());
            assertTrue(row.stillNeeds().isEmpty());
        }
    }

    static Readiness.Status status(Readiness r, String id) {
        return r.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id)).status();
    }
}
