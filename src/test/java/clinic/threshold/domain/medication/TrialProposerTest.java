package clinic.threshold.domain.medication;

import static clinic.threshold.domain.medication.MedicationFixtures.CATALOG;
import static clinic.threshold.domain.medication.MedicationFixtures.d;
import static clinic.threshold.domain.medication.MedicationFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.StopReason;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TrialRole;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trials derived from order histories: a switch, a cross-taper, an augmentation, an intolerance. */
class TrialProposerTest {
    private static final List<Episode> EPISODES = List.of(
            new Episode("1", d("2019-01-01"), d("2020-06-01"), Severity.MODERATE),
            new Episode("2", d("2025-03-01"), null, Severity.SEVERE));
    private final TrialProposer proposer = new TrialProposer(CATALOG);

    private static DoseChange dose(String from, String mg, Frequency f) {
        return new DoseChange(d(from), new BigDecimal(mg), f);
    }

    private static MedicationOrder stopped(MedicationOrder o, String lastDay, OrderStopReason why, String effect) {
        return o.withStop(d(lastDay), why, effect);
    }

    private TreatmentTrial propose(MedicationOrder o, TrialProposer.LinkedOrder... others) {
        TrialProposer.LinkedOrder target = new TrialProposer.LinkedOrder(99, o, null);
        return proposer.propose(target, EPISODES, List.of(others)).orElseThrow();
    }

    @Test
    void aSwitchForLackOfEffectProposesAFailedTrialWithItsDoseSteps() {
        MedicationOrder sertraline = order("Zoloft", d("2025-04-01"), null, "50", Frequency.ONCE_DAILY)
                .withDoses(List.of(dose("2025-04-01", "50", Frequency.ONCE_DAILY), dose("2025-04-15", "100", Frequency.ONCE_DAILY),
                        dose("2025-05-01", "75", Frequency.TWICE_DAILY)));
        TreatmentTrial t = propose(stopped(sertraline, "2025-07-20", OrderStopReason.INEFFECTIVE, null));
        assertEquals("sertraline", t.agent(), "the brand typed becomes the generic name");
        assertEquals("2", t.episodeId(), "the episode the order started in");
        assertEquals(TrialRole.MONOTHERAPY, t.role());
        assertEquals(d("2025-04-01"), t.start());
        assertEquals(d("2025-07-20"), t.end());
        assertEquals(List.of(new DoseStep(d("2025-04-01"), new BigDecimal("50")), new DoseStep(d("2025-04-15"), new BigDecimal("100")),
                new DoseStep(d("2025-05-01"), new BigDecimal("150"))), t.doses(), "mg a day: 75 twice daily is 150");
        assertEquals(TrialOutcome.NO_RESPONSE, t.outcome());
        assertEquals(StopReason.INEFFECTIVE, t.stopReason());
        assertEquals(Adherence.UNKNOWN, t.adherence());
    }

    @Test
    void aCrossTaperProposesTheTaperedDrugWithItsDescendingSteps() {
        // Citalopram 40 tapered 20, 10, then stopped as the planned switch to mirtazapine.
        MedicationOrder citalopram = order("citalopram", d("2025-03-10"), null, "40", Frequency.ONCE_DAILY)
                .withDoses(List.of(dose("2025-03-10", "40", Frequency.ONCE_DAILY), dose("2025-06-01", "20", Frequency.ONCE_DAILY),
                        dose("2025-06-08", "10", Frequency.ONCE_DAILY)));
        TreatmentTrial t = propose(stopped(citalopram, "2025-06-14", OrderStopReason.SWITCH_PLANNED, null));
        assertEquals(3, t.doses().size());
        assertEquals(0, new BigDecimal("10").compareTo(t.doses().get(2).mgPerDay()));
        assertEquals(TrialOutcome.UNKNOWN, t.outcome(), "a planned switch says nothing of the response: the clinician sets it");
        assertEquals(StopReason.SWITCH_PLANNED, t.stopReason());
    }

    @Test
    void anAugmentationPointsAtTheTrialOfTheDrugItAddsTo() {
        MedicationOrder sertraline = order("sertraline", d("2025-04-01"), null, "150", Frequency.ONCE_DAILY);
        MedicationOrder aripiprazole = new MedicationOrder("aripiprazole", true, null, DoseForm.TABLET, DoseUnit.MG,
                Route.ORAL, false, d("2025-07-01"), null, null, "dr.rivera", null, OrderRole.AUGMENTATION, null, null,
                null, List.of(dose("2025-07-01", "5", Frequency.ONCE_DAILY)));
        TreatmentTrial t = propose(aripiprazole, new TrialProposer.LinkedOrder(7, sertraline, 41L),
                new TrialProposer.LinkedOrder(8, order("trazodone", d("2025-01-01"), null, "50", Frequency.AT_BEDTIME), null));
        assertEquals(TrialRole.AUGMENTATION, t.role());
        assertEquals("41", t.augments());
        assertNull(t.end());
        // No linked trial for the base drug yet: the clinician picks it when confirming.
        TreatmentTrial unlinked = propose(aripiprazole, new TrialProposer.LinkedOrder(7, sertraline, null));
        assertNull(unlinked.augments());
    }

    @Test
    void anAdverseEffectIsAnIntoleranceNamingTheEffect() {
        MedicationOrder venlafaxine = order("venlafaxine", d("2025-05-01"), null, "75", Frequency.ONCE_DAILY);
        TreatmentTrial t = propose(stopped(venlafaxine, "2025-05-20", OrderStopReason.ADVERSE_EFFECT, "hypertension"));
        assertEquals(TrialOutcome.INTOLERANCE, t.outcome());
        assertEquals(StopReason.ADVERSE_EFFECTS, t.stopReason());
        assertTrue(t.note().contains("hypertension"));
    }

    @Test
    void nonAdherenceMakesAdherencePoorAndTheOutcomeUnknown() {
        MedicationOrder duloxetine = order("duloxetine", d("2025-05-01"), null, "60", Frequency.ONCE_DAILY);
        TreatmentTrial t = propose(stopped(duloxetine, "2025-08-01", OrderStopReason.NON_ADHERENCE, null));
        assertEquals(Adherence.POOR, t.adherence());
        assertEquals(TrialOutcome.UNKNOWN, t.outcome());
    }

    @Test
    void microgramDosesBecomeMilligramsAndAnOrderOutsideEveryEpisodeHasNone() {
        MedicationOrder t3 = new MedicationOrder("liothyronine", true, null, DoseForm.TABLET, DoseUnit.MCG, Route.ORAL,
                false, d("2021-01-01"), null, null, "dr.rivera", null, OrderRole.AUGMENTATION, null, null, null,
                List.of(dose("2021-01-01", "25", Frequency.ONCE_DAILY)));
        TreatmentTrial t = propose(t3);
        assertEquals(0, new BigDecimal("0.025").compareTo(t.doses().get(0).mgPerDay()));
        assertNull(t.episodeId(), "2021 is between the two episodes");
    }

    @Test
    void hypnoticsAndDrugsOutsideTheFormularyProposeNoTrial() {
        MedicationOrder trazodone = new MedicationOrder("trazodone", true, null, DoseForm.TABLET, DoseUnit.MG, Route.ORAL,
                false, d("2025-04-01"), null, null, "dr.rivera", null, OrderRole.HYPNOTIC, null, null, null,
                List.of(dose("2025-04-01", "50", Frequency.AT_BEDTIME)));
        assertTrue(proposer.propose(new TrialProposer.LinkedOrder(1, trazodone, null), EPISODES, List.of()).isEmpty());
        MedicationOrder ibuprofen = order("ibuprofen", d("2025-04-01"), null, "400", Frequency.THREE_TIMES_DAILY);
        assertTrue(proposer.propose(new TrialProposer.LinkedOrder(2, ibuprofen, null), EPISODES, List.of()).isEmpty());
    }
}
