package clinic.threshold.service.medication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SafetyStopException;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.Orders;
import clinic.threshold.testing.TestClinic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Medication orders, plans and cross-tapers through the services on a real clinic: hard stops refuse the
 * save whole unless a clinician documents an override, plan steps record dose changes with who and when,
 * a stop proposes the trial and confirming it updates the TRD assessment, and everything is audited.
 */
class MedicationServiceIT {
    private static final LocalDate TODAY = TestClinic.TODAY;

    @TempDir
    Path dir;

    private static Patient patient(ClinicServices c, String family) {
        return c.patients().create(TestClinic.person("Mia", family, LocalDate.of(1980, 3, 3), null));
    }

    private static MedicationOrder order(String agent, LocalDate start, String mg) {
        return Orders.daily(agent, start, mg);
    }

    private static PlanStep step(int offset, String mg) {
        return new PlanStep(offset, new BigDecimal(mg), Frequency.ONCE_DAILY, offset == 0 ? null : "if tolerated", null,
                null, null);
    }

    private static int count(Path dir, String table) {
        List<String> n = new ArrayList<>();
        TestClinic.sqlQuery(dir, "SELECT COUNT(*) FROM " + table, n::add);
        return Integer.parseInt(n.get(0));
    }

    @Test
    void aCrossTaperIsPlannedCheckedAndAppliedStepByStep() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Crosstaper");
            MedicationService m = c.medications();
            OrderResult citalopram = m.saveOrder(p.id(), null, 0, order("Celexa", TODAY.minusMonths(3), "40"), null);
            assertEquals("citalopram", citalopram.order().order().agent(), "stored under the generic name");

            // Maudsley example (domain.md 7.2): citalopram 40 -> 20 -> 10 -> 5 -> stop; mirtazapine 15 -> 30 -> 45.
            MedicationPlan down = new MedicationPlan(TODAY, List.of(step(0, "20"), step(7, "10"), step(14, "5"),
                    step(21, "0")), "cross-taper to mirtazapine");
            MedicationOrder mirtazapine = order("mirtazapine", TODAY.plusDays(7), "15");
            MedicationPlan up = new MedicationPlan(TODAY.plusDays(7), List.of(step(7, "30"), step(21, "45")), null);
            OrderResult to = m.crossTaper(p.id(), citalopram.order().id(), down, mirtazapine, up, null);
            // Saved without an override (it would have thrown otherwise); what it reports is the notices.
            assertTrue(to.alerts().stream().anyMatch(a -> a.ruleCode().equals("notice.seizure-relative")
                    && a.drug().equals("mirtazapine")), to.alerts().toString());
            assertNull(to.order().overrideReason());

            MedicationOverview o = m.overview(p.id());
            assertEquals(List.of("citalopram"), o.current().stream().map(x -> x.order().agent()).toList(),
                    "mirtazapine starts next week");
            var fromCourse = o.course(o.orders().get(0));
            var toCourse = o.course(o.orders().get(1));
            LocalDate[] overlap = fromCourse.overlap(toCourse);
            assertEquals(TODAY.plusDays(7), overlap[0]);
            assertEquals(TODAY.plusDays(20), overlap[1], "the overlap ends the day before the stop step");
            List<SavedPlan> plans = o.plans();
            assertEquals(2, plans.size());
            assertEquals(plans.get(0).switchId(), plans.get(1).switchId(), "the two plans are one switch");

            // Applying the first step records the dose change with who and when.
            SavedPlan taper = o.plansOf(citalopram.order().id()).get(0);
            OrderResult applied = m.applyStep(p.id(), taper.id(), taper.version(), 1, null, null);
            var last = applied.order().recorded().get(applied.order().recorded().size() - 1);
            assertEquals(0, new BigDecimal("20").compareTo(last.change().dose()));
            assertEquals("tester", last.recordedBy());
            assertEquals(taper.id(), last.planId());
            assertThrows(ConcurrentEditException.class, () -> m.applyStep(p.id(), taper.id(), taper.version(), 2, null, null),
                    "a stale plan version is refused");
            SavedPlan fresh = m.overview(p.id()).plansOf(citalopram.order().id()).get(0);
            assertTrue(fresh.plan().steps().get(0).applied());
            ValidationException twice = assertThrows(ValidationException.class,
                    () -> m.applyStep(p.id(), fresh.id(), fresh.version(), 1, null, null));
            assertEquals("medication.error.stepApplied", twice.violations().get(0).messageKey());
            assertTrue(c.audit().page(new AuditFilter(null, null, "medication.switch.create", null, null), null).size() == 1);
        }
    }

    @Test
    void anMaoiCrossTaperIsAHardStopUntilAClinicianDocumentsAnOverride() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Hardstop");
            MedicationService m = c.medications();
            OrderResult sertraline = m.saveOrder(p.id(), null, 0, order("sertraline", TODAY.minusMonths(2), "100"), null);
            MedicationPlan down = new MedicationPlan(TODAY, List.of(step(0, "50"), step(14, "0")), null);
            MedicationOrder phenelzine = order("phenelzine", TODAY.plusDays(7), "15");
            int ordersBefore = count(dir, "medication_order");
            int plansBefore = count(dir, "medication_plan");
            SafetyStopException stop = assertThrows(SafetyStopException.class,
                    () -> m.crossTaper(p.id(), sertraline.order().id(), down, phenelzine, null, null));
            assertTrue(stop.alerts().stream().anyMatch(a -> a.ruleCode().equals("interaction.maoi-ssri")), stop.alerts().toString());
            assertEquals(ordersBefore, count(dir, "medication_order"), "nothing half-saved");
            assertEquals(plansBefore, count(dir, "medication_plan"), "nothing half-saved");

            // The live preview shows the same before saving.
            List<SafetyAlert> preview = m.preview(p.id(), null, phenelzine, null);
            assertTrue(preview.stream().anyMatch(a -> a.ruleCode().equals("interaction.maoi-ssri")));

            // A taper to stop, then a washout long enough: the washout still bites at 7 days after the stop.
            MedicationOrder later = order("phenelzine", TODAY.plusDays(14 + 7), "15");
            SafetyStopException washout = assertThrows(SafetyStopException.class,
                    () -> m.crossTaper(p.id(), sertraline.order().id(), down, later, null, null));
            assertTrue(washout.alerts().stream().anyMatch(a -> a.ruleCode().equals("washout.ssri-maoi")), washout.alerts().toString());
            MedicationOrder afterWashout = order("phenelzine", TODAY.plusDays(13 + 14), "15");
            OrderResult ok = m.crossTaper(p.id(), sertraline.order().id(), down, afterWashout, null, null);
            assertTrue(ok.alerts().stream().anyMatch(a -> a.ruleCode().equals("notice.maoi-diet")), ok.alerts().toString());
            assertNull(ok.order().overrideReason(), "no override was needed");

            // An override documents why, is stored on the order and audited.
            OrderResult overridden = m.saveOrder(p.id(), null, 0, order("tranylcypromine", TODAY.plusDays(40), "10"),
                    "specialist MAOI switch under inpatient supervision");
            assertEquals("tester", overridden.order().overrideBy());
            assertTrue(overridden.alerts().stream().anyMatch(a -> a.ruleCode().equals("interaction.maoi-maoi")));
            var events = c.audit().page(new AuditFilter(null, null, "medication.override", null, null), null);
            assertEquals(1, events.size());
            assertTrue(events.get(0).detail().contains("interaction.maoi-maoi"), events.get(0).detail());
        }
    }

    @Test
    void stoppingAnOrderProposesTheTrialAndConfirmingItUpdatesTheAssessment() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Trials");
            MedicationService m = c.medications();
            c.history().saveEpisode(p.id(), null, 0, new Episode(null, TODAY.minusYears(1), null, Severity.SEVERE), null);
            OrderResult sertraline = m.saveOrder(p.id(), null, 0, order("sertraline", TODAY.minusMonths(10), "50"), null);
            OrderResult up = m.changeDose(p.id(), sertraline.order().id(), sertraline.order().version(),
                    new DoseChange(TODAY.minusMonths(10).plusWeeks(2), new BigDecimal("150"), Frequency.ONCE_DAILY), null);
            assertNull(up.proposal(), "a dose change of an unlinked order proposes nothing");
            OrderResult stopped = m.stopOrder(p.id(), sertraline.order().id(), up.order().version(),
                    TODAY.minusMonths(6), OrderStopReason.INEFFECTIVE, null);
            assertNotNull(stopped.proposal());
            assertEquals(TrialOutcome.NO_RESPONSE, stopped.proposal().trial().outcome());
            assertEquals(2, stopped.proposal().trial().doses().size());
            assertFalse(stopped.proposal().needsEpisode());
            SavedTrial first = m.confirmTrial(p.id(), sertraline.order().id(), stopped.proposal().trial(), 0);
            assertEquals(1, c.history().overview(p.id()).assessment().failedAdequateTrials());

            // A second failed trial, of another class, makes the patient treatment-resistant.
            OrderResult venlafaxine = m.saveOrder(p.id(), null, 0, order("venlafaxine", TODAY.minusMonths(5), "225"), null);
            OrderResult vStopped = m.stopOrder(p.id(), venlafaxine.order().id(), venlafaxine.order().version(),
                    TODAY.minusWeeks(6), OrderStopReason.INEFFECTIVE, null);
            m.confirmTrial(p.id(), venlafaxine.order().id(), vStopped.proposal().trial(), 0);
            assertTrue(c.history().overview(p.id()).assessment().trd());

            // Editing a linked order proposes the change to its trial, which confirming updates (not duplicates).
            var linked = m.overview(p.id()).orders().stream().filter(o -> o.id() == sertraline.order().id()).findFirst().orElseThrow();
            assertEquals(first.id(), linked.trialId());
            MedicationOrder edited = linked.order().withStop(TODAY.minusMonths(6), OrderStopReason.ADVERSE_EFFECT, "nausea");
            OrderResult e = m.saveOrder(p.id(), linked.id(), linked.version(), edited, null);
            assertEquals(first.id(), e.proposal().existingTrialId());
            m.confirmTrial(p.id(), linked.id(), e.proposal().trial(), e.proposal().existingVersion());
            assertEquals(2, c.history().overview(p.id()).history().trials().size());
            assertEquals(TrialOutcome.INTOLERANCE, c.history().overview(p.id()).history().trial(first.id()).orElseThrow()
                    .trial().outcome());
            assertFalse(c.history().overview(p.id()).assessment().trd(), "an intolerance is not a failed adequate trial");
        }
    }

    @Test
    void badInputIsRefusedWithItsFieldAndNothingIsSaved() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Badinput");
            MedicationService m = c.medications();
            int before = count(dir, "medication_order");
            ValidationException e = assertThrows(ValidationException.class,
                    () -> m.saveOrder(p.id(), null, 0, order("sertralin", TODAY, "50"), null));
            assertEquals("agent", e.violations().get(0).field());
            assertTrue(e.violations().get(0).args().toString().contains("sertraline"));
            ValidationException zero = assertThrows(ValidationException.class,
                    () -> m.saveOrder(p.id(), null, 0, order("sertraline", TODAY, "0"), null));
            assertEquals("doses[0].dose", zero.violations().get(0).field());
            OrderResult ok = m.saveOrder(p.id(), null, 0, order("sertraline", TODAY.minusDays(30), "50"), null);
            ValidationException early = assertThrows(ValidationException.class, () -> m.savePlan(p.id(), ok.order().id(),
                    new MedicationPlan(TODAY.minusDays(60), List.of(step(0, "100")), null), null));
            assertEquals("startsOn", early.violations().get(0).field());
            assertEquals(before + 1, count(dir, "medication_order"));
            assertEquals(0, count(dir, "medication_plan"));
        }
    }

    @Test
    void aDoseChangeOfADrugThatShiftsTheMotorThresholdRaisesAPrompt() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Threshold");
            MedicationService m = c.medications();
            MedicationOrder lithium = new MedicationOrder("lithium", true, null, DoseForm.TABLET, DoseUnit.MG, Route.ORAL,
                    false, TODAY.minusMonths(1), null, null, "tester", null, OrderRole.AUGMENTATION, null, null, null,
                    List.of(new DoseChange(TODAY.minusMonths(1), new BigDecimal("300"), Frequency.TWICE_DAILY)));
            OrderResult saved = m.saveOrder(p.id(), null, 0, lithium, null);
            m.changeDose(p.id(), saved.order().id(), saved.order().version(),
                    new DoseChange(TODAY, new BigDecimal("450"), Frequency.TWICE_DAILY), null);
            var prompts = m.overview(p.id()).prompts();
            assertEquals(2, prompts.size(), "the start and the change");
            assertEquals("prompt.mt-raising", prompts.get(1).ruleCode());
            assertEquals(TODAY, prompts.get(1).effectiveOn());
            assertEquals(Set.of("SEIZURE_RELATIVE"), m.overview(p.id()).seizureFlags().get("lithium"));
            m.saveOrder(p.id(), null, 0, order("sertraline", TODAY, "50"), null);
            assertEquals(2, m.overview(p.id()).prompts().size(), "sertraline does not shift the motor threshold");
        }
    }

    @Test
    void techniciansAndSchedulersSeeTheListButCannotPrescribe() {
        long id;
        try (var ctx = TestClinic.open(dir)) {
            TestClinic.addUser(ctx, ctx.context(), "sched", Set.of(Role.SCHEDULER));
            Patient p = patient(ctx, "Readonly");
            id = p.id();
            ctx.medications().saveOrder(id, null, 0, order("bupropion", TODAY.minusDays(3), "150"), null);
        }
        try (var s = TestClinic.signIn(dir, "sched", TestClinic.PASSWORD)) {
            assertEquals(1, s.medications().overview(id).current().size());
            assertThrows(AccessDeniedException.class, () -> s.medications().saveOrder(id, null, 0,
                    order("sertraline", TODAY, "50"), null));
        }
    }

    @Test
    void anOverriddenSwitchCanStillBeTaperedAppliedAndStopped() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Afteroverride");
            MedicationService m = c.medications();
            OrderResult sertraline = m.saveOrder(p.id(), null, 0, order("sertraline", TODAY.minusMonths(2), "100"), null);
            MedicationPlan down = new MedicationPlan(TODAY, List.of(step(0, "50"), step(7, "0")), null);
            OrderResult phenelzine = m.crossTaper(p.id(), sertraline.order().id(), down,
                    order("phenelzine", TODAY.plusDays(10), "15"), null, "supervised inpatient switch");
            assertEquals("supervised inpatient switch", phenelzine.order().overrideReason());
            // The taper's steps and the stop apply without asking again: they bring no new hard stop.
            SavedPlan taper = m.overview(p.id()).plansOf(sertraline.order().id()).get(0);
            m.applyStep(p.id(), taper.id(), taper.version(), 1, null, null);
            SavedPlan after = m.overview(p.id()).plansOf(sertraline.order().id()).get(0);
            OrderResult stopped = m.applyStep(p.id(), after.id(), after.version(), 2, null, null);
            assertEquals(TODAY.plusDays(6), stopped.order().order().stop(), "the day before the stop step");
            assertEquals(OrderStopReason.SWITCH_PLANNED, stopped.order().order().stopReason());
            var ph = m.overview(p.id()).orders().stream().filter(o -> o.order().agent().equals("phenelzine")).findFirst()
                    .orElseThrow();
            m.stopOrder(p.id(), ph.id(), ph.version(), TODAY.plusDays(20), OrderStopReason.ADVERSE_EFFECT, "dizziness");
            // A new hard stop still needs its own override: a second MAOI started while phenelzine... is stopped,
            // but tranylcypromine 3 days after its last dose breaks the 14-day washout.
            assertThrows(SafetyStopException.class, () -> m.saveOrder(p.id(), null, 0,
                    order("tranylcypromine", TODAY.plusDays(23), "10"), null));
        }
    }

    @Test
    void aStopStepCannotRewriteAnOrderThatAlreadyStopped() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Stoppedearly");
            MedicationService m = c.medications();
            OrderResult venlafaxine = m.saveOrder(p.id(), null, 0, order("venlafaxine", TODAY.minusMonths(1), "150"), null);
            SavedPlan plan = m.savePlan(p.id(), venlafaxine.order().id(), new MedicationPlan(TODAY.plusDays(1),
                    List.of(step(0, "75"), step(14, "0")), null), null);
            var current = m.overview(p.id()).orders().get(0);
            m.stopOrder(p.id(), current.id(), current.version(), TODAY, OrderStopReason.ADVERSE_EFFECT, "hypertension");
            SavedPlan fresh = m.overview(p.id()).plansOf(current.id()).get(0);
            ValidationException e = assertThrows(ValidationException.class,
                    () -> m.applyStep(p.id(), fresh.id(), fresh.version(), 2, null, null));
            assertEquals("medication.error.orderStopped", e.violations().get(0).messageKey());
            var still = m.overview(p.id()).orders().get(0).order();
            assertEquals(TODAY, still.stop());
            assertEquals(OrderStopReason.ADVERSE_EFFECT, still.stopReason(), "the intolerance stays recorded");
            assertEquals(plan.orderId(), current.id());
        }
    }

    @Test
    void aTrialIsLinkedOnceKeepsTheCliniciansChoicesAndIsReplacedWhenVoided() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Linking");
            MedicationService m = c.medications();
            c.history().saveEpisode(p.id(), null, 0, new Episode(null, TODAY.minusYears(1), null, Severity.MODERATE), null);
            OrderResult o = m.saveOrder(p.id(), null, 0, order("escitalopram", TODAY.minusMonths(5), "10"), null);
            OrderResult stopped = m.stopOrder(p.id(), o.order().id(), o.order().version(), TODAY.minusMonths(2),
                    OrderStopReason.SWITCH_PLANNED, null);
            var proposed = stopped.proposal();
            // The clinician knows more than the stop reason says: no response.
            var edited = new clinic.threshold.domain.history.TreatmentTrial(null, proposed.trial().episodeId(),
                    proposed.trial().kind(), proposed.trial().agent(), proposed.trial().role(), null, proposed.trial().start(),
                    proposed.trial().end(), proposed.trial().doses(), clinic.threshold.domain.history.Adherence.GOOD,
                    TrialOutcome.NO_RESPONSE, proposed.trial().stopReason(), null, null, null, null, null);
            SavedTrial first = m.confirmTrial(p.id(), o.order().id(), edited, 0);
            assertThrows(ConcurrentEditException.class, () -> m.confirmTrial(p.id(), o.order().id(), edited, 0),
                    "a second confirm of the same proposal does not add a second trial");
            assertEquals(1, c.history().overview(p.id()).history().trials().size());

            var linked = m.overview(p.id()).orders().get(0);
            MedicationOrder noteOnly = new MedicationOrder(linked.order().agent(), true, linked.order().strength(),
                    linked.order().form(), linked.order().unit(), linked.order().route(), false, linked.order().start(),
                    linked.order().review(), linked.order().stop(), linked.order().prescriber(), linked.order().indication(),
                    linked.order().role(), linked.order().stopReason(), null, "patient moved", linked.order().doses());
            assertNull(m.saveOrder(p.id(), linked.id(), linked.version(), noteOnly, null).proposal(),
                    "a note changes nothing the trial records");
            var again = m.overview(p.id()).orders().get(0);
            OrderResult longer = m.saveOrder(p.id(), again.id(), again.version(),
                    again.order().withStop(TODAY.minusMonths(1), OrderStopReason.SWITCH_PLANNED, null), null);
            assertEquals(TrialOutcome.NO_RESPONSE, longer.proposal().trial().outcome(), "the clinician's outcome is kept");
            assertEquals(TODAY.minusMonths(1), longer.proposal().trial().end());

            c.history().voidTrial(p.id(), first.id(), c.history().overview(p.id()).history().trial(first.id()).orElseThrow()
                    .version(), "entered in error");
            var proposal = m.proposeTrial(p.id(), again.id()).orElseThrow();
            assertNull(proposal.existingTrialId(), "a voided trial is replaced, not updated");
            SavedTrial replacement = m.confirmTrial(p.id(), again.id(), proposal.trial(), 0);
            assertEquals(replacement.id(), m.overview(p.id()).orders().get(0).trialId());
        }
    }

    @Test
    void aMisspeltDrugOutsideTheFormularyIsNotLetPastTheRulesThatNameIt() {
        try (var c = TestClinic.open(dir)) {
            Patient p = patient(c, "Spelling");
            MedicationOrder tramadole = new MedicationOrder("tramadole", false, null, DoseForm.TABLET, DoseUnit.MG,
                    Route.ORAL, false, TODAY, null, null, "tester", "pain", OrderRole.OTHER, null, null, null,
                    List.of(new DoseChange(TODAY, new BigDecimal("50"), Frequency.TWICE_DAILY)));
            ValidationException e = assertThrows(ValidationException.class,
                    () -> c.medications().saveOrder(p.id(), null, 0, tramadole, null));
            assertEquals("medication.error.otherSuggest", e.violations().get(0).messageKey());
            assertEquals(List.of("tramadole", "tramadol"), e.violations().get(0).args());
        }
    }
}
