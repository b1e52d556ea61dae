package clinic.threshold.domain.medication;

import static clinic.threshold.domain.medication.MedicationFixtures.checker;
import static clinic.threshold.domain.medication.MedicationFixtures.course;
import static clinic.threshold.domain.medication.MedicationFixtures.d;
import static clinic.threshold.domain.medication.MedicationFixtures.daily;
import static clinic.threshold.domain.medication.MedicationFixtures.order;
import static clinic.threshold.domain.medication.MedicationFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.service.history.SeedReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every seeded medication rule, with dates and doses on both sides of its limit. */
class SafetyCheckerTest {

    private static List<String> codes(List<SafetyAlert> alerts) {
        return alerts.stream().map(SafetyAlert::ruleCode).toList();
    }

    private static List<String> hardStops(Course proposed, Course... others) {
        return checker().check(proposed, List.of(others)).stream().filter(SafetyAlert::hardStop)
                .map(SafetyAlert::ruleCode).toList();
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource({
            "phenelzine, sertraline, interaction.maoi-ssri",
            "tranylcypromine, venlafaxine, interaction.maoi-snri",
            "phenelzine, clomipramine, interaction.maoi-tca",
            "phenelzine, tranylcypromine, interaction.maoi-maoi",
            "isocarboxazid, vortioxetine, interaction.maoi-vortioxetine",
            "phenelzine, tramadol, interaction.maoi-serotonergic",
            "selegiline transdermal, linezolid, interaction.maoi-serotonergic",
            "tranylcypromine, St John's wort, interaction.maoi-serotonergic"})
    void anMaoiWithASerotonergicDrugOnTheSameDaysIsAHardStop(String maoi, String other, String rule) {
        Course a = daily("1", maoi, d("2026-01-01"), null, "30");
        Course b = daily("2", other, d("2026-03-01"), d("2026-03-10"), "50");
        List<SafetyAlert> alerts = checker().check(b, List.of(a));
        SafetyAlert hit = alerts.stream().filter(x -> x.ruleCode().equals(rule)).findFirst().orElseThrow(
                () -> new AssertionError(rule + " expected in " + codes(alerts)));
        assertEquals(AlertLevel.HARD_STOP, hit.level());
        assertEquals(d("2026-03-01"), hit.from(), "the overlap starts with the later drug");
        assertEquals(d("2026-03-10"), hit.to(), "and ends with the earlier stop");
        assertFalse(hit.source().isBlank(), "every alert names its source");
        // The same pair on days that do not overlap is no interaction.
        Course later = daily("3", other, d("2025-01-01"), d("2025-06-01"), "50");
        assertFalse(codes(checker().check(later, List.of(a))).contains(rule));
    }

    @ParameterizedTest(name = "{0} stopped, {1} started after {2} days: {3}")
    @CsvSource({
            "tranylcypromine, sertraline, 13, washout.maoi-antidepressant",
            "tranylcypromine, sertraline, 14, ",
            "phenelzine, mirtazapine, 13, washout.maoi-antidepressant",
            "phenelzine, bupropion, 14, ",
            "phenelzine, isocarboxazid, 13, washout.maoi-antidepressant",
            "sertraline, phenelzine, 13, washout.ssri-maoi",
            "sertraline, phenelzine, 14, ",
            "duloxetine, tranylcypromine, 13, washout.snri-maoi",
            "duloxetine, tranylcypromine, 14, ",
            "nortriptyline, phenelzine, 13, washout.tca-maoi",
            "nortriptyline, phenelzine, 14, ",
            "fluoxetine, phenelzine, 34, washout.fluoxetine-maoi",
            "fluoxetine, phenelzine, 10, washout.fluoxetine-maoi",
            "fluoxetine, phenelzine, 35, ",
            "vortioxetine, tranylcypromine, 20, washout.vortioxetine-maoi",
            "vortioxetine, tranylcypromine, 21, ",
            "sertraline, bupropion, 1, "})
    void washoutsCountTheDaysFromTheLastDoseToTheFirst(String first, String then, int days, String rule) {
        LocalDate lastDay = d("2026-02-01");
        Course stopped = daily("1", first, d("2025-10-01"), lastDay, "20");
        Course started = daily("2", then, lastDay.plusDays(days), null, "15");
        List<String> stops = hardStops(started, stopped);
        if (rule == null) {
            assertEquals(List.of(), stops.stream().filter(c -> c.startsWith("washout")).toList());
        } else {
            // Of two washouts for one pair (fluoxetine is also an SSRI) only the strictest is shown.
            assertEquals(List.of(rule), stops.stream().filter(c -> c.startsWith("washout")).toList());
        }
        // Checking the other way round (the earlier order changed) finds the same.
        assertEquals(stops, hardStops(stopped, started));
    }

    @Test
    void aPlannedStopCountsForTheWashout() {
        // Fluoxetine tapered by a plan whose stop step is on 2026-03-01 (last day 2026-02-28).
        MedicationOrder fluoxetine = order("fluoxetine", d("2025-06-01"), null, "40", Frequency.ONCE_DAILY);
        MedicationPlan taper = new MedicationPlan(d("2026-02-01"), List.of(step(0, "20"), step(28, "0")), null);
        Course tapered = course("1", fluoxetine, taper);
        assertEquals(d("2026-02-28"), tapered.lastDay());
        Course tooSoon = daily("2", "phenelzine", d("2026-03-20"), null, "15");
        assertEquals(List.of("washout.fluoxetine-maoi"), hardStops(tooSoon, tapered));
        Course afterFiveWeeks = daily("2", "phenelzine", d("2026-04-04"), null, "15");
        assertEquals(List.of(), hardStops(afterFiveWeeks, tapered));
        // Without the plan the fluoxetine never stops: the MAOI would overlap it (an interaction, and no washout).
        assertEquals(List.of("interaction.maoi-ssri", "washout.fluoxetine-maoi"),
                hardStops(afterFiveWeeks, course("1", fluoxetine)));
    }

    @Test
    void aPlanThatLeavesTwoMaoisOverlappingIsAHardStop() {
        MedicationOrder phenelzine = order("phenelzine", d("2026-01-01"), null, "45", Frequency.ONCE_DAILY);
        MedicationPlan taper = new MedicationPlan(d("2026-03-01"), List.of(step(0, "30"), step(7, "15"), step(14, "0")), null);
        Course down = course("1", phenelzine, taper);
        Course up = daily("2", "tranylcypromine", d("2026-03-10"), null, "10");
        List<SafetyAlert> alerts = checker().check(up, List.of(down));
        SafetyAlert maoi = alerts.stream().filter(a -> a.ruleCode().equals("interaction.maoi-maoi")).findFirst().orElseThrow();
        assertEquals(d("2026-03-10"), maoi.from());
        assertEquals(d("2026-03-14"), maoi.to(), "the overlap ends the day before the stop step");
    }

    @ParameterizedTest(name = "bupropion {0} {1} x{2}: {3}")
    @CsvSource({
            "TABLET_XR, 450, ONCE_DAILY, ",
            "TABLET_XR, 600, ONCE_DAILY, dose.bupropion-daily",
            "TABLET_SR, 200, TWICE_DAILY, ",
            "TABLET_SR, 225, TWICE_DAILY, dose.bupropion-sr-single",
            "TABLET, 150, THREE_TIMES_DAILY, ",
            "TABLET, 175, TWICE_DAILY, dose.bupropion-ir-single",
            "TABLET, 200, THREE_TIMES_DAILY, dose.bupropion-daily;dose.bupropion-ir-single"})
    void bupropionDailyAndPerDoseLimits(DoseForm form, String mg, Frequency f, String rules) {
        Course c = course("1", order("bupropion", form, d("2026-01-01"), null, mg, f));
        List<String> expected = rules == null ? List.of() : List.of(rules.split(";"));
        assertEquals(expected, hardStops(c));
    }

    @Test
    void aPlannedDoseAboveTheLimitIsFoundOnItsDay() {
        MedicationOrder bupropion = order("bupropion", DoseForm.TABLET_XR, d("2026-01-01"), null, "150", Frequency.ONCE_DAILY);
        MedicationPlan up = new MedicationPlan(d("2026-01-01"), List.of(step(14, "300"), step(42, "600")), null);
        SafetyAlert a = checker().check(course("1", bupropion, up), List.of()).stream()
                .filter(x -> x.ruleCode().equals("dose.bupropion-daily")).findFirst().orElseThrow();
        assertEquals(d("2026-02-12"), a.from());
        assertEquals(0, new BigDecimal("600").compareTo(a.actual()));
        assertEquals(0, new BigDecimal("450").compareTo(a.limit()));
    }

    @Test
    void citalopramAbove40IsAWarningNotAHardStop() {
        assertFalse(codes(checker().check(daily("1", "citalopram", d("2026-01-01"), null, "40"), List.of()))
                .contains("dose.citalopram-daily"));
        SafetyAlert a = checker().check(daily("1", "citalopram", d("2026-01-01"), null, "60"), List.of()).stream()
                .filter(x -> x.ruleCode().equals("dose.citalopram-daily")).findFirst().orElseThrow();
        assertEquals(AlertLevel.WARNING, a.level());
        assertEquals(Confidence.SECONDARY, a.confidence());
    }

    @Test
    void twoDrugsOfOneClassAtOnceAreDuplicateTherapy() {
        Course sertraline = daily("1", "sertraline", d("2026-01-01"), null, "100");
        assertTrue(codes(checker().check(daily("2", "escitalopram", d("2026-02-01"), null, "10"), List.of(sertraline)))
                .contains("duplicate.same-class"));
        assertFalse(codes(checker().check(daily("2", "bupropion", d("2026-02-01"), null, "150"), List.of(sertraline)))
                .contains("duplicate.same-class"), "different classes");
        assertFalse(codes(checker().check(daily("2", "escitalopram", d("2027-02-01"), null, "10"),
                        List.of(daily("1", "sertraline", d("2026-01-01"), d("2026-06-01"), "100"))))
                .contains("duplicate.same-class"), "one after the other");
        assertFalse(codes(checker().check(daily("2", "aripiprazole", d("2026-02-01"), null, "5"),
                List.of(daily("3", "quetiapine", d("2026-01-01"), null, "150")))).contains("duplicate.same-class"),
                "augmenting agents are not an antidepressant class");
    }

    @Test
    void vortioxetineWithAStrongCyp2d6InhibitorWarnsToHalveTheDose() {
        List<SafetyAlert> alerts = checker().check(daily("2", "vortioxetine", d("2026-02-01"), null, "20"),
                List.of(daily("1", "bupropion", d("2026-01-01"), null, "300")));
        SafetyAlert a = alerts.stream().filter(x -> x.ruleCode().equals("interaction.vortioxetine-cyp2d6")).findFirst()
                .orElseThrow();
        assertEquals(AlertLevel.WARNING, a.level());
    }

    @Test
    void noticesForMaoiDietBupropionAndSeizureThreshold() {
        assertTrue(codes(checker().check(daily("1", "phenelzine", d("2026-01-01"), null, "45"), List.of()))
                .contains("notice.maoi-diet"));
        List<String> bupropion = codes(checker().check(daily("1", "bupropion", d("2026-01-01"), null, "300"), List.of()));
        assertTrue(bupropion.containsAll(List.of("notice.bupropion-contraindications", "notice.seizure-relative")), bupropion.toString());
        assertTrue(codes(checker().check(daily("1", "clozapine", d("2026-01-01"), null, "100"), List.of()))
                .contains("notice.seizure-strong"));
        assertEquals(List.of(), checker().check(daily("1", "ibuprofen", d("2026-01-01"), null, "400"), List.of()),
                "a drug no rule names raises nothing");
    }

    @Test
    void motorThresholdPromptsFollowTheDrugGroups() {
        assertEquals(List.of("prompt.mt-raising"), checker().mtPrompts("lithium").stream().map(MedicationRule::code).toList());
        assertEquals(List.of("prompt.mt-lowering"), checker().mtPrompts("methylphenidate").stream().map(MedicationRule::code).toList());
        assertEquals(List.of(), checker().mtPrompts("sertraline"));
    }

    @Test
    void aRetiredRuleOrARuleNotYetInForceDoesNotFire() {
        List<MedicationRule> rules = new ArrayList<>(SeedReference.medicationRules());
        MedicationRule diet = rules.stream().filter(r -> r.code().equals("notice.maoi-diet")).findFirst().orElseThrow();
        rules.add(new MedicationRule(diet.code(), diet.kind(), diet.subject(), diet.other(), diet.form(), diet.limit(),
                diet.level(), false, diet.message(), diet.confidence(), "retired by the clinic", d("2026-06-01")));
        MedicationRule stricter = rules.stream().filter(r -> r.code().equals("washout.ssri-maoi")).findFirst().orElseThrow();
        rules.add(new MedicationRule(stricter.code(), stricter.kind(), stricter.subject(), stricter.other(), null,
                new BigDecimal("21"), stricter.level(), true, stricter.message(), Confidence.DESIGN, "clinic policy", d("2027-01-01")));
        Course phenelzine = daily("2", "phenelzine", d("2026-02-18"), null, "45");
        Course sertraline = daily("1", "sertraline", d("2025-01-01"), d("2026-02-01"), "100");
        SafetyChecker now = new SafetyChecker(MedicationFixtures.CATALOG, MedicationRule.inForce(rules, d("2026-11-27")),
                d("2026-11-27"));
        List<String> today = codes(now.check(phenelzine, List.of(sertraline)));
        assertFalse(today.contains("notice.maoi-diet"), "retired");
        assertFalse(today.contains("washout.ssri-maoi"), "17 days meets the 14 in force today");
        SafetyChecker next = new SafetyChecker(MedicationFixtures.CATALOG, MedicationRule.inForce(rules, d("2027-01-02")),
                d("2027-01-02"));
        assertTrue(codes(next.check(phenelzine, List.of(sertraline))).contains("washout.ssri-maoi"), "21 days from 2027");
    }

    @Test
    void startingADrugWhileAnMaoiIsStillTakenBreaksTheWashoutEvenWithoutAnInteractionRule() {
        // No interaction rule names MAOI with mirtazapine; the 14-day washout after an MAOI still applies.
        Course phenelzine = daily("1", "phenelzine", d("2026-01-01"), d("2026-03-10"), "45");
        Course overlapping = daily("2", "mirtazapine", d("2026-03-05"), null, "15");
        List<SafetyAlert> alerts = checker().check(overlapping, List.of(phenelzine));
        SafetyAlert w = alerts.stream().filter(a -> a.ruleCode().equals("washout.maoi-antidepressant")).findFirst()
                .orElseThrow(() -> new AssertionError(codes(alerts).toString()));
        assertTrue(w.hardStop());
        assertTrue(w.actual().signum() < 0, "taken together: " + w.actual());
        assertEquals(List.of("washout.maoi-antidepressant"), hardStops(daily("2", "mirtazapine", d("2026-03-20"), null, "15"),
                phenelzine), "10 days after the last dose");
        assertEquals(List.of(), hardStops(daily("2", "mirtazapine", d("2026-03-24"), null, "15"), phenelzine), "14 days");
        Course stillTaken = daily("1", "phenelzine", d("2026-01-01"), null, "45");
        assertEquals(List.of("washout.maoi-antidepressant"), hardStops(daily("2", "trazodone", d("2026-03-05"), null, "50"),
                stillTaken), "an MAOI never stopped");
        assertEquals(List.of(), hardStops(daily("2", "phenelzine", d("2026-04-01"), null, "45"), phenelzine),
                "restarting the same MAOI is not a switch");
    }

    @Test
    void theDailyLimitCountsEveryOrderOfTheDrugTakenThatDay() {
        Course xl = course("1", order("bupropion", DoseForm.TABLET_XR, d("2026-01-01"), null, "300", Frequency.ONCE_DAILY));
        Course topUp = course("2", order("bupropion", DoseForm.TABLET, d("2026-02-01"), null, "100", Frequency.TWICE_DAILY));
        assertEquals(List.of("dose.bupropion-daily"), hardStops(topUp, xl), "300 + 200 = 500 mg a day");
        Course small = course("2", order("bupropion", DoseForm.TABLET, d("2026-02-01"), null, "75", Frequency.TWICE_DAILY));
        assertEquals(List.of(), hardStops(small, xl), "300 + 150 = 450 mg a day");
    }

    @Test
    void aHardStopIsNeverHiddenBehindALongerWarning() {
        List<MedicationRule> rules = new ArrayList<>(SeedReference.medicationRules());
        MedicationRule fluoxetine = rules.stream().filter(r -> r.code().equals("washout.fluoxetine-maoi")).findFirst().orElseThrow();
        rules.add(new MedicationRule(fluoxetine.code(), fluoxetine.kind(), fluoxetine.subject(), fluoxetine.other(), null,
                fluoxetine.limit(), AlertLevel.WARNING, true, fluoxetine.message(), Confidence.DESIGN, "clinic policy",
                d("2026-01-01")));
        SafetyChecker c = new SafetyChecker(MedicationFixtures.CATALOG, MedicationRule.inForce(rules, d("2026-11-27")),
                d("2026-11-27"));
        List<SafetyAlert> alerts = c.check(daily("2", "phenelzine", d("2026-02-11"), null, "15"),
                List.of(daily("1", "fluoxetine", d("2025-06-01"), d("2026-02-01"), "20")));
        assertEquals(List.of("washout.ssri-maoi"), alerts.stream().filter(SafetyAlert::hardStop).map(SafetyAlert::ruleCode).toList(),
                "10 days: the 14-day hard stop shows although the 35-day rule is now a warning");
    }
}
