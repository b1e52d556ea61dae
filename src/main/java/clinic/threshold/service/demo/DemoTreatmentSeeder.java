package clinic.threshold.service.demo;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.PlanStep;
import clinic.threshold.domain.medication.Route;
import clinic.threshold.service.history.HistoryService;
import clinic.threshold.service.medication.MedicationService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Medication histories for the demo clinic, written through the real services so that they are what a
 * clinician would have recorded: an episode, then antidepressant trials one after another (titrated to the
 * formulary's adequate dose, stopped mostly for lack of effect, sometimes for an adverse effect or
 * non-adherence, each confirmed into the treatment history), the current drug, sometimes an augmenting
 * agent, a hypnotic, and a planned cross-taper. Deterministic for a seed.
 */
public final class DemoTreatmentSeeder {
    /** The class mix of TRD referrals: SSRIs most, then SNRIs, bupropion, mirtazapine, a few tricyclics. */
    private static final List<String> DRUGS = List.of("sertraline", "escitalopram", "fluoxetine", "citalopram",
            "sertraline", "escitalopram", "paroxetine", "venlafaxine", "duloxetine", "venlafaxine", "bupropion",
            "mirtazapine", "desvenlafaxine", "vortioxetine", "nortriptyline");
    private static final List<String> EFFECTS = List.of("nausea", "insomnia", "sexual dysfunction", "weight gain",
            "headache", "agitation");
    private static final List<String> AUGMENTERS = List.of("aripiprazole", "lithium", "quetiapine");

    private final HistoryService history;
    private final MedicationService medications;
    private final Clock clock;

    public DemoTreatmentSeeder(HistoryService history, MedicationService medications, Clock clock) {
        this.history = history;
        this.medications = medications;
        this.clock = clock;
    }

    /** Writes a history for about four in five of {@code patientIds}; returns how many orders it wrote. */
    public int seed(List<Long> patientIds, long seed) {
        Random rnd = new Random(seed);
        Formulary formulary = history.formulary();
        LocalDate today = LocalDate.now(clock);
        int orders = 0;
        for (long id : patientIds) {
            if (rnd.nextInt(5) == 0) {
                continue;
            }
            orders += patient(id, rnd, formulary, today);
        }
        return orders;
    }

    private int patient(long id, Random rnd, Formulary f, LocalDate today) {
        LocalDate onset = today.minusMonths(8 + rnd.nextInt(28));
        Severity severity = rnd.nextInt(3) == 0 ? Severity.SEVERE : Severity.MODERATE;
        SavedEpisode episode = history.saveEpisode(id, null, 0, new Episode(null, onset, null, severity), null);
        int count = 0;
        int trials = 1 + rnd.nextInt(4);
        LocalDate start = onset.plusWeeks(2 + rnd.nextInt(6));
        List<String> used = new ArrayList<>();
        OrderResult current = null;
        for (int i = 0; i < trials && start.isBefore(today.minusWeeks(10)); i++) {
            String drug = next(rnd, used);
            used.add(drug);
            boolean last = i == trials - 1 || start.plusWeeks(20).isAfter(today);
            int roll = rnd.nextInt(10);
            OrderStopReason why = roll < 6 ? OrderStopReason.INEFFECTIVE : roll < 8 ? OrderStopReason.ADVERSE_EFFECT
                    : roll < 9 ? OrderStopReason.NON_ADHERENCE : OrderStopReason.PARTIAL_RESPONSE;
            LocalDate lastDay = why == OrderStopReason.ADVERSE_EFFECT ? start.plusWeeks(2).plusDays(rnd.nextInt(14))
                    : start.plusWeeks(8 + rnd.nextInt(8));
            MedicationOrder o = order(drug, f.find(drug, start).orElseThrow(), start, rnd, last ? today : lastDay,
                    OrderRole.MONOTHERAPY);
            OrderResult r = medications.saveOrder(id, null, 0, o, null);
            count++;
            if (last) {
                current = r;
                break;
            }
            OrderResult stopped = medications.stopOrder(id, r.order().id(), r.order().version(), lastDay, why,
                    why == OrderStopReason.ADVERSE_EFFECT ? EFFECTS.get(rnd.nextInt(EFFECTS.size())) : null);
            if (stopped.proposal() != null && !stopped.proposal().needsEpisode()) {
                medications.confirmTrial(id, r.order().id(), stopped.proposal().trial(), 0);
            }
            start = lastDay.plusDays(1 + rnd.nextInt(14));
        }
        if (current == null) {
            return count;
        }
        if (rnd.nextInt(10) < 3) {
            String aug = AUGMENTERS.get(rnd.nextInt(AUGMENTERS.size()));
            LocalDate from = current.order().order().start().plusWeeks(6);
            if (from.isBefore(today)) {
                medications.saveOrder(id, null, 0, order(aug, f.find(aug, from).orElseThrow(), from, rnd, today,
                        OrderRole.AUGMENTATION), null);
                count++;
            }
        }
        if (rnd.nextInt(4) == 0) {
            LocalDate from = onset.plusWeeks(1);
            medications.saveOrder(id, null, 0, new MedicationOrder("trazodone", true, "50 mg", DoseForm.TABLET,
                    DoseUnit.MG, Route.ORAL, false, from, null, null, "demo.clinician", "insomnia", OrderRole.HYPNOTIC,
                    null, null, null, List.of(new DoseChange(from, new BigDecimal("50"), Frequency.AT_BEDTIME))), null);
            count++;
        }
        if (rnd.nextInt(5) == 0) {
            count += plannedSwitch(id, current, rnd, f, today, used);
        }
        return count;
    }

    /** A cross-taper starting next week: the current drug halved weekly to a stop, the next one started in week 2. */
    private int plannedSwitch(long id, OrderResult current, Random rnd, Formulary f, LocalDate today, List<String> used) {
        String drug = next(rnd, used);
        if (drug.equals("bupropion") || drug.equals("nortriptyline")) {
            return 0;
        }
        MedicationOrder from = current.order().order();
        BigDecimal dose = from.doses().get(from.doses().size() - 1).dose();
        LocalDate taper = today.plusDays(7);
        MedicationPlan down = new MedicationPlan(taper, List.of(step(0, half(dose)), step(7, half(half(dose))),
                step(14, BigDecimal.ZERO)), null);
        FormularyAgent next = f.find(drug, taper).orElseThrow();
        LocalDate upStart = taper.plusDays(7);
        BigDecimal low = half(next.minAdequateMgPerDay());
        MedicationOrder to = new MedicationOrder(next.genericName(), true, null, DoseForm.TABLET, DoseUnit.MG, Route.ORAL,
                false, upStart, upStart.plusWeeks(4), null, "demo.clinician", "depression", OrderRole.MONOTHERAPY, null,
                null, null, List.of(new DoseChange(upStart, low, Frequency.ONCE_DAILY)));
        MedicationPlan up = new MedicationPlan(upStart, List.of(step(7, next.minAdequateMgPerDay())), null);
        try {
            medications.crossTaper(id, current.order().id(), down, to, up, null);
            return 1;
        } catch (clinic.threshold.domain.medication.SafetyStopException e) {
            return 0; // the demo plans only switches the rules allow without an override
        }
    }

    /** Starts at half the adequate dose, reaches it after two weeks, and sometimes goes higher. */
    private static MedicationOrder order(String drug, FormularyAgent a, LocalDate start, Random rnd, LocalDate until,
                                         OrderRole role) {
        BigDecimal adequate = a.minAdequateMgPerDay();
        List<DoseChange> doses = new ArrayList<>();
        doses.add(new DoseChange(start, half(adequate), Frequency.ONCE_DAILY));
        if (start.plusWeeks(2).isBefore(until)) {
            doses.add(new DoseChange(start.plusWeeks(2), adequate, Frequency.ONCE_DAILY));
        }
        if (rnd.nextBoolean() && start.plusWeeks(6).isBefore(until)
                && adequate.multiply(new BigDecimal("1.5")).compareTo(a.maxPlausibleMgPerDay().divide(BigDecimal.valueOf(2))) <= 0) {
            doses.add(new DoseChange(start.plusWeeks(6), adequate.multiply(new BigDecimal("1.5")).setScale(0,
                    RoundingMode.HALF_UP), Frequency.ONCE_DAILY));
        }
        DoseForm form = drug.equals("bupropion") ? DoseForm.TABLET_XR : DoseForm.TABLET;
        return new MedicationOrder(a.genericName(), true, null, form, DoseUnit.MG, Route.ORAL, false, start,
                null, null, "demo.clinician", "depression", role, null, null, null, doses);
    }

    private static String next(Random rnd, List<String> used) {
        for (int tries = 0; tries < 20; tries++) {
            String d = DRUGS.get(rnd.nextInt(DRUGS.size()));
            if (!used.contains(d)) {
                return d;
            }
        }
        return "mirtazapine";
    }

    private static BigDecimal half(BigDecimal mg) {
        BigDecimal h = mg.divide(BigDecimal.valueOf(2), 3, RoundingMode.HALF_UP).stripTrailingZeros();
        return h.scale() < 0 ? h.setScale(0) : h;
    }

    private static PlanStep step(int day, BigDecimal mg) {
        return new PlanStep(day, mg, Frequency.ONCE_DAILY, day == 0 ? null : "if tolerated", null, null, null);
    }
}
