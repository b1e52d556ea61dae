package clinic.threshold.domain.payer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.service.payer.PolicyJson;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Written vignettes against the seeded policies: met, unmet and missing on each criterion. */
class ReadinessEvaluatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Map<String, PayerPolicy> POLICIES = PolicyJson.seed().stream()
            .collect(Collectors.toMap(PayerPolicy::code, p -> p));

    /** A failed trial of {@code weeks} at an adequate dose (or an intolerance). */
    static TrialVerdict trial(String id, double weeks, boolean intolerance) {
        return new TrialVerdict(id, true, !intolerance, !intolerance, intolerance, weeks, List.of());
    }

    static TrdAssessment assessment(List<TrialVerdict> trials, Set<DrugClass> classes, int psychotherapyFailures) {
        int failed = (int) trials.stream().filter(TrialVerdict::failed).count();
        int intolerances = (int) trials.stream().filter(TrialVerdict::intolerance).count();
        return new TrdAssessment(TODAY, "e1", failed, classes, intolerances, psychotherapyFailures, failed >= 2, 2, 2, List.of(),
                null, null, trials);
    }

    /** A 45-year-old with severe recurrent MDD, PHQ-9 19, two 8-week failures (SSRI, SNRI), 12 sessions of CBT failed. */
    static PatientFacts typical() {
        return new PatientFacts(LocalDate.of(1981, 5, 1), "F33.2", assessment(List.of(trial("t1", 8, false), trial("t2", 8, false)),
                Set.of(DrugClass.SSRI, DrugClass.SNRI), 1), true, false, 12,
                List.of(new PatientFacts.Score("PHQ9", 19, TODAY.minusDays(3))), Set.of(), null, null);
    }

    static PatientFacts with(PatientFacts f, List<PatientFacts.Score> scores, Set<Exclusion> excl, Integer priorTms) {
        return new PatientFacts(f.birthDate(), f.diagnosisCode(), f.assessment(), f.historyRecorded(), f.augmentationFailed(),
                f.psychotherapySessions(), scores, excl, priorTms, f.ectCandidate());
    }

    static Readiness.Status status(Readiness r, String id) {
        return r.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " in "
                + r.criteria())).status();
    }

    @Test
    void aTypicalPatientIsReadyForCentene() {
        Readiness r = ReadinessEvaluator.evaluate(POLICIES.get("CENTENE_CP_BH_200"), typical(), TODAY);
        assertEquals(Readiness.Overall.READY, r.overall(), r.criteria().toString());
        for (String id : List.of("age", "diagnosis", "severity", "failedTrials", "classes", "psychotherapy", "exclusions")) {
            assertEquals(Readiness.Status.MET, status(r, id), id);
        }
        Readiness.Criterion sev = r.criteria().stream().filter(c -> c.id().equals("severity")).findFirst().orElseThrow();
        assertEquals(List.of("PHQ9", 19, TODAY.minusDays(3)), sev.evidence(), "the score and its date as evidence");
    }

    @Test
    void aLowScoreIsUnmetAndNoScoreIsMissing() {
        PayerPolicy centene = POLICIES.get("CENTENE_CP_BH_200");
        Readiness low = ReadinessEvaluator.evaluate(centene, with(typical(), List.of(new PatientFacts.Score("PHQ9", 12, TODAY)),
                Set.of(), null), TODAY);
        assertEquals(Readiness.Status.UNMET, status(low, "severity"));
        assertEquals(Readiness.Overall.NOT_READY, low.overall());
        Readiness none = ReadinessEvaluator.evaluate(centene, with(typical(), List.of(), Set.of(), null), TODAY);
        assertEquals(Readiness.Status.MISSING, status(none, "severity"));
        assertEquals(Readiness.Overall.MISSING_INFORMATION, none.overall());
        assertEquals(List.of("PHQ9 \u2265 15"), none.criteria().stream().filter(c -> c.id().equals("severity")).findFirst()
                .orElseThrow().missing(), "says what to collect");
    }

    @Test
    void anyOfSeveralScalesMeetsASeverityRule() {
        PayerPolicy bcbsm = POLICIES.get("BCBSM_NEW_DIRECTIONS");
        PatientFacts hamd = with(typical(), List.of(new PatientFacts.Score("PHQ9", 18, TODAY),
                new PatientFacts.Score("HAMD17", 24, TODAY.minusDays(1))), Set.of(), null);
        assertEquals(Readiness.Status.MET, status(ReadinessEvaluator.evaluate(bcbsm, hamd, TODAY), "severity"), "HAM-D 24 > 20");
    }

    @Test
    void aetnaAsksForAnAugmentationTrial() {
        PayerPolicy aetna = POLICIES.get("AETNA_CPB_0469");
        assertEquals(Readiness.Status.UNMET, status(ReadinessEvaluator.evaluate(aetna, typical(), TODAY), "augmentation"));
        PatientFacts t = typical();
        PatientFacts augmented = new PatientFacts(t.birthDate(), t.diagnosisCode(), t.assessment(), true, true, 12, t.scores(),
                Set.of(), null, null);
        assertEquals(Readiness.Overall.READY, ReadinessEvaluator.evaluate(aetna, augmented, TODAY).overall());
    }

    @Test
    void ngsNeedsFourTrialsUnlessAPriorTmsCourseWorked() {
        PayerPolicy ngs = POLICIES.get("MEDICARE_NGS_L33398");
        Readiness two = ReadinessEvaluator.evaluate(ngs, typical(), TODAY);
        assertEquals(Readiness.Status.UNMET, status(two, "failedTrials"));
        assertEquals(List.of(2, 4), two.criteria().stream().filter(c -> c.id().equals("failedTrials")).findFirst().orElseThrow()
                .missing(), "2 more of 4");
        Readiness prior = ReadinessEvaluator.evaluate(ngs, with(typical(), typical().scores(), Set.of(), 62), TODAY);
        assertEquals(Readiness.Status.MET, status(prior, "alternative"));
        assertEquals(Readiness.Overall.READY, prior.overall(), prior.criteria().toString());
        Readiness weak = ReadinessEvaluator.evaluate(ngs, with(typical(), typical().scores(), Set.of(), 50), TODAY);
        assertEquals(Readiness.Status.UNMET, status(weak, "failedTrials"), "50% is not above 50%");
    }

    @Test
    void cignaCountsOnlyTrialsOfFourWeeks() {
        PatientFacts t = typical();
        PatientFacts shortTrials = new PatientFacts(t.birthDate(), "F33.1", assessment(List.of(trial("t1", 3, false),
                trial("t2", 8, false)), Set.of(DrugClass.SSRI, DrugClass.SNRI), 1), true, false, 12, t.scores(), Set.of(), null, null);
        Readiness r = ReadinessEvaluator.evaluate(POLICIES.get("CIGNA_EN0383"), shortTrials, TODAY);
        assertEquals(Readiness.Status.UNMET, status(r, "weeksPerTrial"));
        assertEquals(Readiness.Status.MET, status(r, "diagnosis"), "Cigna takes moderate (F33.1)");
    }

    @Test
    void intolerancesCountWhereThePolicySaysSo() {
        PatientFacts t = typical();
        PatientFacts oneEach = new PatientFacts(t.birthDate(), t.diagnosisCode(), assessment(List.of(trial("t1", 8, false),
                trial("t2", 1, true)), Set.of(DrugClass.SSRI, DrugClass.SNRI), 1), true, false, 12, t.scores(), Set.of(), null, null);
        assertEquals(Readiness.Status.MET, status(ReadinessEvaluator.evaluate(POLICIES.get("UHC_OPTUM"), oneEach, TODAY),
                "failedTrials"));
    }

    @Test
    void anExcludedConditionAndMissingDataAreNamed() {
        PayerPolicy centene = POLICIES.get("CENTENE_CP_BH_200");
        Readiness bipolar = ReadinessEvaluator.evaluate(centene, with(typical(), typical().scores(),
                Set.of(Exclusion.BIPOLAR_OR_SCHIZOPHRENIA), null), TODAY);
        assertEquals(Readiness.Status.UNMET, status(bipolar, "exclusions"));
        PatientFacts t = typical();
        PatientFacts blank = new PatientFacts(t.birthDate(), null, null, false, false, 0, List.of(), Set.of(), null, null);
        Readiness r = ReadinessEvaluator.evaluate(centene, blank, TODAY);
        List<Readiness.Status> statuses = new ArrayList<>();
        for (String id : List.of("diagnosis", "severity", "failedTrials", "psychotherapy")) {
            statuses.add(status(r, id));
        }
        assertEquals(List.of(Readiness.Status.MISSING, Readiness.Status.MISSING, Readiness.Status.MISSING, Readiness.Status.MISSING),
                statuses);
        assertEquals(Readiness.Overall.MISSING_INFORMATION, r.overall());
        assertTrue(ReadinessEvaluator.evaluate(centene, new PatientFacts(LocalDate.of(2012, 1, 1), "F33.2", t.assessment(), true,
                false, 12, t.scores(), Set.of(), null, null), TODAY).overall() == Readiness.Overall.NOT_READY, "a 14-year-old");
    }
}
