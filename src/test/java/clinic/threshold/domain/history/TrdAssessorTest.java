package clinic.threshold.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules the vignettes do not isolate: order-free staging, formulary and rule versions by date, rule-set
 * checks, and the validator's refusal of augmentation chains. Numbers here come from a small hand-made
 * formulary and rule set, not from the shipped seed.
 */
class TrdAssessorTest {
    private static final LocalDate D0 = LocalDate.of(2020, 1, 1);
    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    static List<RuleSetting> rules(String... overrides) {
        List<String[]> base = new ArrayList<>(List.of(new String[][] {{"adequacy.minWeeksAtDose", "6"},
                {"failure.minWeeksAtDose", "4"}, {"adequacy.poorAdherenceInadequate", "true"}, {"trd.minFailedTrials", "2"},
                {"psychotherapy.minSessions", "8"}, {"psychotherapy.modalities", "CBT,IPT"},
                {"maudsley.duration.acuteMaxMonths", "12"}, {"maudsley.duration.subacuteMaxMonths", "24"},
                {"maudsley.severity.subsyndromal", "1"}, {"maudsley.severity.mild", "2"}, {"maudsley.severity.moderate", "3"},
                {"maudsley.severity.severe", "4"}, {"maudsley.severity.severe_psychotic", "5"},
                {"maudsley.failures.levelMax", "2,4,6,10"}, {"maudsley.augmentation.points", "1"},
                {"maudsley.duration.points", "1,2,3"}, {"maudsley.failures.points", "1,2,3,4,5"},
                {"maudsley.ect.points", "1"}, {"maudsley.band.mildMax", "6"}, {"maudsley.band.moderateMax", "10"},
                {"mgh.perFailedTrial", "1"}, {"mgh.perAugmentationOrCombination", "0.5"}, {"mgh.failedEct", "3"}}));
        for (int i = 0; i < overrides.length; i += 2) {
            String key = overrides[i];
            base.removeIf(r -> r[0].equals(key));
            base.add(new String[] {key, overrides[i + 1]});
        }
        return base.stream().map(r -> new RuleSetting(r[0], r[1], Confidence.DESIGN, "test", D0)).toList();
    }

    static FormularyAgent agent(String name, DrugClass c, int min, LocalDate from) {
        return new FormularyAgent(name, List.of(), c, null, BigDecimal.valueOf(min), BigDecimal.valueOf(min * 10L),
                Confidence.DESIGN, "test", from);
    }

    static final Formulary FORMULARY = new Formulary(List.of(agent("ssri", DrugClass.SSRI, 10, D0),
            agent("tca", DrugClass.TCA, 100, D0), agent("maoi", DrugClass.MAOI, 30, D0), agent("aug", DrugClass.AUGMENTING, 5, D0)));

    static TreatmentTrial med(String id, String agent, LocalDate start, int mg, TrialRole role, String augments) {
        return new TreatmentTrial(id, "e", TrialKind.MEDICATION, agent, role, augments, start, start.plusWeeks(8),
                List.of(new DoseStep(start, BigDecimal.valueOf(mg))), Adherence.GOOD, TrialOutcome.NO_RESPONSE, null, null,
                null, null, null, null);
    }

    static TreatmentHistory history(TreatmentTrial... trials) {
        return new TreatmentHistory(List.of(new Episode("e", D0, null, Severity.MODERATE)), List.of(trials));
    }

    private static TrdAssessment assess(Formulary f, List<RuleSetting> r, TreatmentHistory h) {
        return new TrdAssessor(f, AssessmentRules.from(r)).assess(h, AS_OF);
    }

    @Test
    void thaseRushDoesNotDependOnTheOrderOfTrials() {
        TrdAssessment a = assess(FORMULARY, rules(), history(med("1", "maoi", D0.plusYears(1), 40, TrialRole.MONOTHERAPY, null),
                med("2", "tca", D0.plusYears(2), 150, TrialRole.MONOTHERAPY, null),
                med("3", "ssri", D0.plusYears(3), 20, TrialRole.MONOTHERAPY, null)));
        assertEquals(4, a.thaseRushStage());
        assertEquals(3, a.distinctFailedClasses());
    }

    @Test
    void anAugmentingAgentUsedAloneFailsButIsNoClass() {
        TrdAssessment a = assess(FORMULARY, rules(), history(med("1", "aug", D0, 10, TrialRole.MONOTHERAPY, null),
                med("2", "ssri", D0.plusYears(1), 20, TrialRole.MONOTHERAPY, null)));
        assertEquals(2, a.failedAdequateTrials());
        assertEquals(1, a.distinctFailedClasses());
        assertEquals(1, a.thaseRushStage());
    }

    @Test
    void theFormularyRowInForceOnTheAssessmentDateDecides() {
        Formulary raised = new Formulary(List.of(agent("ssri", DrugClass.SSRI, 10, D0), agent("ssri", DrugClass.SSRI, 50,
                LocalDate.of(2024, 6, 1))));
        TreatmentHistory h = history(med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null));
        assertEquals(0, new TrdAssessor(raised, AssessmentRules.from(rules())).assess(h, AS_OF).failedAdequateTrials());
        assertEquals(1, new TrdAssessor(raised, AssessmentRules.from(rules())).assess(h, LocalDate.of(2024, 1, 1))
                .failedAdequateTrials(), "as of a date before the change, the old minimum applies");
    }

    @Test
    void ruleVersionsInForceAreChosenByDate() {
        List<RuleSetting> all = new ArrayList<>(rules());
        all.add(new RuleSetting("trd.minFailedTrials", "3", Confidence.DESIGN, "later", LocalDate.of(2024, 6, 1)));
        assertEquals(2, AssessmentRules.from(RuleSetting.inForce(all, LocalDate.of(2024, 5, 31))).trdMinFailedTrials());
        assertEquals(3, AssessmentRules.from(RuleSetting.inForce(all, LocalDate.of(2024, 6, 1))).trdMinFailedTrials());
    }

    @Test
    void changedRuleNumbersChangeTheResult() {
        TreatmentHistory h = history(med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null));
        assertFalse(assess(FORMULARY, rules(), h).trd());
        assertTrue(assess(FORMULARY, rules("trd.minFailedTrials", "1"), h).trd());
        assertEquals(0, assess(FORMULARY, rules("adequacy.minWeeksAtDose", "10"), h).failedAdequateTrials(),
                "8 weeks at dose is not adequate when 10 are required");
    }

    @Test
    void anIncompleteOrMalformedRuleSetIsRefusedByName() {
        List<RuleSetting> missing = new ArrayList<>(rules());
        missing.removeIf(r -> r.key().equals("mgh.failedEct"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(missing));
        assertTrue(e.getMessage().contains("mgh.failedEct"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("maudsley.failures.levelMax", "2,2,6")));
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("psychotherapy.modalities", "CBT,yoga")));
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("mgh.failedEct", "-1")));
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("maudsley.duration.points", "1,2")));
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("maudsley.failures.points", "")));
        assertThrows(IllegalArgumentException.class, () -> AssessmentRules.from(rules("maudsley.failures.points", "1,x")));
    }

    @Test
    void theMaudsleyPointsAreTheRulesNumbers() {
        // One failed SSRI in a moderate episode begun five years before: chronic (3) + moderate (3) + level 1 (1) = 7.
        TreatmentHistory h = history(med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null));
        MaudsleyScore standard = assess(FORMULARY, rules(), h).maudsley();
        assertEquals(List.of(3, 3, 1, 7), List.of(standard.durationPoints(), standard.severityPoints(),
                standard.failurePoints(), standard.total()));
        MaudsleyScore edited = assess(FORMULARY, rules("maudsley.duration.points", "1,2,4", "maudsley.failures.points",
                "2,3,4,5,6"), h).maudsley();
        assertEquals(List.of(4, 3, 2, 9), List.of(edited.durationPoints(), edited.severityPoints(),
                edited.failurePoints(), edited.total()));
        // A clinic that added a sixth level before its points: the new level scores the list's last value.
        TreatmentTrial[] eleven = new TreatmentTrial[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = med(Integer.toString(i), "ssri", D0.plusWeeks(9L * i), 20, TrialRole.MONOTHERAPY, null);
        }
        assertEquals(5, assess(FORMULARY, rules("maudsley.failures.levelMax", "2,4,6,8,10"), history(eleven))
                .maudsley().failurePoints());
    }

    @Test
    void aTrialThatEndedAfterTheDayAssessedHadNoOutcomeYet() {
        // Failed SSRI for 8 weeks from D0; assessed at week 7, when it had run long enough but its outcome was unknown.
        TrdAssessment then = new TrdAssessor(FORMULARY, AssessmentRules.from(rules()))
                .assess(history(med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null)), D0.plusWeeks(7));
        TrialVerdict v = then.verdict("1").orElseThrow();
        assertTrue(v.adequate(), "7 weeks at dose by then");
        assertFalse(v.failed(), "but the no-response was recorded at its end, a week later");
        assertEquals("history.reason.endedAfterAsOf", v.reasons().get(0).key());
        assertEquals(0, then.failedAdequateTrials());
    }

    @Test
    void lookingBackOnlyWhatHadBegunCounts() {
        // A failed SSRI in 2020; a failed TCA begun in 2021; assessed as of the end of 2020.
        TreatmentTrial ssri = med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null);
        TreatmentTrial tca = med("2", "tca", D0.plusYears(1), 150, TrialRole.MONOTHERAPY, null);
        TreatmentTrial aug = med("3", "aug", D0.plusYears(1), 10, TrialRole.AUGMENTATION, "2");
        TrdAssessment then = new TrdAssessor(FORMULARY, AssessmentRules.from(rules()))
                .assess(history(ssri, tca, aug), LocalDate.of(2020, 12, 31));
        assertEquals(1, then.failedAdequateTrials());
        assertEquals(0, then.maudsley().augmentationPoints(), "the augmentation came later");
        assertEquals(new java.math.BigDecimal("1"), then.mgh().total());
        TrialVerdict later = then.verdict("2").orElseThrow();
        assertFalse(later.counted() || later.failed() || later.adequate());
        assertEquals("history.reason.afterAsOf", later.reasons().get(0).key());
        // A trial still running on the day assessed has only the weeks up to that day.
        TrialVerdict running = new TrdAssessor(FORMULARY, AssessmentRules.from(rules()))
                .assess(history(ssri), D0.plusWeeks(5)).verdict("1").orElseThrow();
        assertEquals(5.0, running.weeksAtAdequateDose(), 1e-9);
        assertFalse(running.adequate(), "5 of the 8 planned weeks had passed");
    }

    @Test
    void episodesFollowOneAnotherAndOnlyTheLatestIsOpen() {
        Episode first = new Episode("a", D0, null, Severity.MILD);
        Episode second = new Episode("b", D0.plusYears(2), null, Severity.SEVERE);
        List<Violation> open = new HistoryValidator(FORMULARY).validate(new TreatmentHistory(List.of(second, first), List.of()));
        assertEquals(List.of("episodes[1].end"), open.stream().map(Violation::field).toList());
        assertEquals("history.error.episodeStillOpen", open.get(0).messageKey());
        Episode overlapping = new Episode("a", D0, D0.plusYears(2), Severity.MILD);
        List<Violation> overlap = new HistoryValidator(FORMULARY).validate(new TreatmentHistory(List.of(overlapping, second),
                List.of()));
        assertEquals(List.of("episodes[1].onset"), overlap.stream().map(Violation::field).toList());
        assertEquals("history.error.episodesOverlap", overlap.get(0).messageKey());
        Episode before = new Episode("a", D0, D0.plusYears(2).minusDays(1), Severity.MILD);
        assertEquals(List.of(), new HistoryValidator(FORMULARY).validate(new TreatmentHistory(List.of(before, second), List.of())));
    }

    @Test
    void aMedicationTrialWithTherapyFieldsOrAnOverPreciseDoseIsRefused() {
        TreatmentTrial withModality = new TreatmentTrial("1", "e", TrialKind.MEDICATION, "ssri", TrialRole.MONOTHERAPY, null,
                D0, D0.plusWeeks(8), List.of(new DoseStep(D0, new BigDecimal("20.0004"))), Adherence.GOOD,
                TrialOutcome.NO_RESPONSE, null, Modality.CBT, null, null, null, null);
        List<Violation> v = new HistoryValidator(FORMULARY).validate(history(withModality));
        assertEquals(List.of("trials[0].doses[0].mgPerDay", "trials[0].kind"), v.stream().map(Violation::field).toList());
        assertEquals(List.of("history.error.doseTooPrecise", "history.error.otherFieldsOnMedication"),
                v.stream().map(Violation::messageKey).toList());
        TreatmentTrial thousandths = new TreatmentTrial("1", "e", TrialKind.MEDICATION, "ssri", TrialRole.MONOTHERAPY, null,
                D0, D0.plusWeeks(8), List.of(new DoseStep(D0, new BigDecimal("20.125"))), Adherence.GOOD,
                TrialOutcome.NO_RESPONSE, null, null, null, null, null, null);
        assertEquals(List.of(), new HistoryValidator(FORMULARY).validate(history(thousandths)));
    }

    @Test
    void anAugmentationOfAnAugmentationIsRefused() {
        TreatmentHistory h = history(med("1", "ssri", D0, 20, TrialRole.MONOTHERAPY, null),
                med("2", "aug", D0, 10, TrialRole.AUGMENTATION, "1"), med("3", "aug", D0, 10, TrialRole.AUGMENTATION, "2"));
        List<Violation> v = new HistoryValidator(FORMULARY).validate(h);
        assertEquals(List.of("trials[2].augments"), v.stream().map(Violation::field).toList());
        assertEquals("history.error.augmentsNotBase", v.get(0).messageKey());
    }

    @Test
    void closeNamesAreSuggestedForAnUnknownAgent() {
        Formulary f = new Formulary(List.of(agent("sertraline", DrugClass.SSRI, 50, D0), agent("escitalopram",
                DrugClass.SSRI, 10, D0)));
        assertEquals(List.of("sertraline"), f.suggestions("sertralin"));
        assertEquals(List.of("sertraline"), f.suggestions("sert"));
        assertEquals(List.of(), f.suggestions("zzzzzzzzzz"));
    }

    @Test
    void underTheFailureFloorATrialIsNeverAFailureEvenWhenAdequate() {
        TreatmentTrial shortTrial = new TreatmentTrial("1", "e", TrialKind.MEDICATION, "ssri", TrialRole.MONOTHERAPY, null,
                D0, D0.plusDays(24), List.of(new DoseStep(D0, BigDecimal.valueOf(20))), Adherence.GOOD,
                TrialOutcome.NO_RESPONSE, null, null, null, null, null, null);
        TrdAssessment a = assess(FORMULARY, rules("adequacy.minWeeksAtDose", "3"), history(shortTrial));
        TrialVerdict v = a.verdict("1").orElseThrow();
        assertTrue(v.adequate(), "3.4 weeks is adequate when 3 are required");
        assertFalse(v.failed(), "but under 4 weeks at dose is never a failure");
        assertEquals("history.reason.underFailureFloor", v.reasons().get(v.reasons().size() - 1).key());
    }

    @Test
    void mixedUpFieldsAreRefusedNotDropped() {
        TreatmentTrial therapyWithDoses = new TreatmentTrial("1", "e", TrialKind.PSYCHOTHERAPY, "ssri", null, null, D0,
                D0.plusWeeks(10), List.of(), Adherence.UNKNOWN, TrialOutcome.NO_RESPONSE, null, null, 10, null, null, null);
        TreatmentTrial monoNamingABase = med("2", "ssri", D0, 20, TrialRole.MONOTHERAPY, "3");
        TreatmentTrial base = med("3", "ssri", D0.plusYears(1), 20, TrialRole.MONOTHERAPY, null);
        List<Violation> v = new HistoryValidator(FORMULARY).validate(history(therapyWithDoses, monoNamingABase, base));
        assertEquals(List.of("trials[0].kind", "trials[0].modality", "trials[1].augments"),
                v.stream().map(Violation::field).toList());
        assertEquals(List.of("history.error.medicationFieldsOnOtherKind", "history.error.required",
                "history.error.augmentsWithoutRole"), v.stream().map(Violation::messageKey).toList());
    }
}
