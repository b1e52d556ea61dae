package clinic.threshold.domain.medication;

import static clinic.threshold.domain.medication.MedicationFixtures.CATALOG;
import static clinic.threshold.domain.medication.MedicationFixtures.d;
import static clinic.threshold.domain.medication.MedicationFixtures.order;
import static clinic.threshold.domain.medication.MedicationFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input on orders and plans: each gets its own message on its own field. */
class OrderValidatorTest {
    private final OrderValidator validator = new OrderValidator(CATALOG);

    private static List<String> problems(List<Violation> vs) {
        return vs.stream().map(v -> v.field() + " " + v.messageKey()).toList();
    }

    private static MedicationOrder withDose(MedicationOrder o, String mg) {
        return o.withDoses(List.of(new DoseChange(o.start(), new BigDecimal(mg), Frequency.ONCE_DAILY)));
    }

    @Test
    void aCompleteOrderIsValid() {
        assertEquals(List.of(), validator.validate(order("sertraline", d("2026-01-01"), null, "50", Frequency.ONCE_DAILY)));
    }

    @Test
    void zeroNegativeAndImplausibleDosesAreRefused() {
        MedicationOrder o = order("sertraline", d("2026-01-01"), null, "50", Frequency.ONCE_DAILY);
        assertEquals(List.of("doses[0].dose medication.error.doseZero"), problems(validator.validate(withDose(o, "0"))));
        assertEquals(List.of("doses[0].dose medication.error.doseNegative"), problems(validator.validate(withDose(o, "-50"))));
        // 5000 mg of sertraline is a typing error: the formulary's plausible maximum is 400 mg a day.
        Violation v = validator.validate(withDose(o, "5000")).get(0);
        assertEquals("medication.error.dosePlausible", v.messageKey());
        assertEquals(List.of("5000", "400"), v.args());
        assertEquals(List.of("doses[0].dose medication.error.doseDigits"), problems(validator.validate(withDose(o, "0.0001"))));
    }

    @Test
    void aUnitThatDoesNotFitTheFormIsRefused() {
        MedicationOrder o = order("sertraline", d("2026-01-01"), null, "50", Frequency.ONCE_DAILY);
        MedicationOrder ml = new MedicationOrder(o.agent(), true, null, DoseForm.TABLET, DoseUnit.ML, Route.ORAL, false,
                o.start(), null, null, "dr.rivera", null, OrderRole.MONOTHERAPY, null, null, null, o.doses());
        assertEquals(List.of("unit medication.error.unitForm"), problems(validator.validate(ml)));
    }

    @Test
    void anUnknownNameSuggestsCloseMatchesAndAFormularyDrugCannotPassAsOther() {
        MedicationOrder typo = order("sertralin", d("2026-01-01"), null, "50", Frequency.ONCE_DAILY);
        MedicationOrder asFormulary = new MedicationOrder(typo.agent(), true, null, typo.form(), typo.unit(), typo.route(),
                false, typo.start(), null, null, "dr.rivera", null, OrderRole.MONOTHERAPY, null, null, null, typo.doses());
        Violation v = validator.validate(asFormulary).get(0);
        assertEquals("medication.error.unknownAgentSuggest", v.messageKey());
        assertTrue(v.args().get(1).toString().contains("sertraline"), v.args().toString());
        MedicationOrder brandAsOther = new MedicationOrder("Prozac", false, null, typo.form(), typo.unit(), typo.route(),
                false, typo.start(), null, null, "dr.rivera", null, OrderRole.OTHER, null, null, null, typo.doses());
        assertEquals(List.of("agent medication.error.formularyAgentAsOther"), problems(validator.validate(brandAsOther)));
        // A drug no list knows can still be entered as another drug (interactions and seizure risk need it).
        assertEquals(List.of(), validator.validate(order("levothyroxine", d("2026-01-01"), null, "0.1", Frequency.ONCE_DAILY)));
    }

    @Test
    void stopDatesReasonsAndEffectsGoTogether() {
        MedicationOrder o = order("sertraline", d("2026-01-01"), null, "50", Frequency.ONCE_DAILY);
        assertEquals(List.of("stopReason medication.error.stopReasonRequired"),
                problems(validator.validate(o.withStop(d("2026-03-01"), null, null))));
        assertEquals(List.of("stop medication.error.beforeStart"),
                problems(validator.validate(o.withStop(d("2025-12-01"), OrderStopReason.INEFFECTIVE, null))));
        assertEquals(List.of("adverseEffect medication.error.effectRequired"),
                problems(validator.validate(o.withStop(d("2026-03-01"), OrderStopReason.ADVERSE_EFFECT, " "))));
        MedicationOrder late = o.withDoses(List.of(new DoseChange(d("2026-01-01"), BigDecimal.TEN, Frequency.ONCE_DAILY),
                new DoseChange(d("2026-04-01"), BigDecimal.TEN, Frequency.ONCE_DAILY))).withStop(d("2026-03-01"),
                OrderStopReason.INEFFECTIVE, null);
        assertEquals(List.of("doses[1].from medication.error.doseAfterStop"), problems(validator.validate(late)));
    }

    @Test
    void planStepsMustFollowTheOrderAndEachOther() {
        MedicationOrder o = order("citalopram", d("2026-01-01"), null, "40", Frequency.ONCE_DAILY);
        MedicationPlan early = new MedicationPlan(d("2025-12-20"), List.of(step(0, "20")), null);
        assertEquals(List.of("startsOn medication.error.planBeforeOrder"), problems(validator.validatePlan(o, early)));
        MedicationPlan unordered = new MedicationPlan(d("2026-02-01"), List.of(step(7, "20"), step(7, "10"), step(14, "0"),
                step(21, "5")), null);
        assertEquals(List.of("steps[1].dayOffset medication.error.stepOrder", "steps[3].dose medication.error.stepAfterStop"),
                problems(validator.validatePlan(o, unordered)));
        MedicationPlan negative = new MedicationPlan(d("2026-02-01"), List.of(step(0, "-5")), null);
        assertEquals(List.of("steps[0].dose medication.error.doseNegative"), problems(validator.validatePlan(o, negative)));
        assertEquals(List.of("steps medication.error.noSteps"),
                problems(validator.validatePlan(o, new MedicationPlan(d("2026-02-01"), List.of(), null))));
        MedicationPlan huge = new MedicationPlan(d("2026-02-01"), List.of(step(0, "400")), null);
        assertEquals(List.of("steps[0].dose medication.error.dosePlausible"), problems(validator.validatePlan(o, huge)));
    }

    @Test
    void onAStoppedOrderOnlyAStopStepMayFallOnTheDayAfterTheLastDose() {
        MedicationOrder o = order("citalopram", d("2026-01-01"), null, "40", Frequency.ONCE_DAILY)
                .withStop(d("2026-03-01"), OrderStopReason.INEFFECTIVE, null);
        assertEquals(List.of(), problems(validator.validatePlan(o, new MedicationPlan(d("2026-02-01"),
                List.of(step(0, "20"), step(29, "0")), null))), "20 mg on 1 Feb, stop on 2 Mar");
        assertEquals(List.of("steps[1].dayOffset medication.error.stepAfterOrderStop"), problems(validator.validatePlan(o,
                new MedicationPlan(d("2026-02-01"), List.of(step(0, "20"), step(29, "10")), null))),
                "a dose on 2 Mar, after the last day taken, could never be applied");
    }
}
