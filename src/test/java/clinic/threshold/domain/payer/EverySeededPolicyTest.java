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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three vignettes against every seeded policy: a patient who meets everything the policy asks is ready; one failed
 * trial short is not ready on that criterion; no score and no diagnosis is missing information on those criteria.
 */
class EverySeededPolicyTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final List<DrugClass> CLASSES = List.of(DrugClass.SSRI, DrugClass.SNRI, DrugClass.NDRI, DrugClass.TCA, DrugClass.NASSA,
            DrugClass.MAOI);

    static Stream<PayerPolicy> policies() {
        return PolicyJson.seed().stream();
    }

    /** {@code failures} failed 10-week trials, each of its own class. */
    static TrdAssessment assessment(int failures) {
        List<TrialVerdict> trials = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            trials.add(new TrialVerdict("t" + i, true, true, true, false, 10, List.of()));
        }
        return new TrdAssessment(TODAY, "e1", failures, Set.copyOf(CLASSES.subList(0, Math.min(failures, CLASSES.size()))), 0, 1,
                failures >= 2, 2, 2, List.of(), null, null, trials);
    }

    /** A score meeting each of the policy's severity rules (any one would do). */
    static List<PatientFacts.Score> scores(PayerPolicy p) {
        List<PatientFacts.Score> out = new ArrayList<>();
        for (SeverityRule r : p.severityAnyOf()) {
            out.add(new PatientFacts.Score(r.scale(), r.operator() == SeverityRule.Operator.GT ? r.value() + 1 : r.value(),
                    TODAY.minusDays(3)));
        }
        out.add(new PatientFacts.Score("PHQ9", 22, TODAY.minusDays(3)));
        return out;
    }

    static String diagnosis(PayerPolicy p) {
        return p.diagnosisCodes().isEmpty() ? "F33.2" : p.diagnosisCodes().stream().sorted().findFirst().orElseThrow();
    }

    static int required(PayerPolicy p) {
        return Math.max(p.minFailedTrials() == null ? 1 : p.minFailedTrials(), p.minDistinctClasses() == null ? 1
                : p.minDistinctClasses());
    }

    static PatientFacts facts(PayerPolicy p, int failures, String diagnosis, List<PatientFacts.Score> scores) {
        int sessions = p.psychotherapyMinSessions() == null ? 16 : p.psychotherapyMinSessions() + 4;
        return new PatientFacts(LocalDate.of(1981, 5, 1), diagnosis, assessment(failures), true, true, sessions, scores, Set.of(),
                null, null);
    }

    static Readiness.Status status(Readiness r, String id) {
        return r.criteria().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not judged: " + r.criteria())).status();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aPatientWhoMeetsEverythingTheyAskIsReady(PayerPolicy p) {
        Readiness r = ReadinessEvaluator.evaluate(p, facts(p, required(p), diagnosis(p), scores(p)), TODAY);
        assertEquals(Readiness.Overall.READY, r.overall(), p.code() + ": " + r.criteria());
        assertTrue(r.criteria().stream().allMatch(c -> c.status() == Readiness.Status.MET), r.criteria().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void oneFailedTrialShortIsNotReady(PayerPolicy p) {
        // Every seeded policy counts failed trials; a new one that does not must get its own vignette.
        assertTrue(p.minFailedTrials() != null && p.minFailedTrials() > 0, p.code() + " counts no failed trials");
        int need = p.minFailedTrials();
        Readiness r = ReadinessEvaluator.evaluate(p, facts(p, need - 1, diagnosis(p), scores(p)), TODAY);
        assertEquals(Readiness.Status.UNMET, status(r, "failedTrials"), p.code());
        assertEquals(Readiness.Overall.NOT_READY, r.overall(), p.code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void noScoreAndNoDiagnosisAreMissingInformation(PayerPolicy p) {
        Readiness r = ReadinessEvaluator.evaluate(p, facts(p, required(p), null, List.of()), TODAY);
        if (!p.diagnosisCodes().isEmpty()) {
            assertEquals(Readiness.Status.MISSING, status(r, "diagnosis"), p.code());
        }
        if (!p.severityAnyOf().isEmpty()) {
            assertEquals(Readiness.Status.MISSING, status(r, "severity"), p.code());
        }
        boolean asks = !p.diagnosisCodes().isEmpty() || !p.severityAnyOf().isEmpty();
        assertEquals(asks ? Readiness.Overall.MISSING_INFORMATION : Readiness.Overall.READY, r.overall(), p.code() + ": "
                + r.criteria());
    }
}
