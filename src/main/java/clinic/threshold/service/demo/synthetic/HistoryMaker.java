package clinic.threshold.service.demo.synthetic;

import clinic.threshold.domain.history.DrugClass;
import clinic.threshold.domain.history.FormularyAgent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The treatment history a TRD clinic takes at intake: the current episode (and for some an earlier one), 0 to 8
 * antidepressant trials in sequence with the class mix of practice (SSRIs most often, then SNRIs, bupropion,
 * mirtazapine, a few TCAs and MAOIs), some augmentations, dose steps up to or past the adequate dose, and
 * psychotherapy for about half.
 */
final class HistoryMaker {
    static final List<String> EPISODE = List.of("id", "patient_id", "onset", "end_date", "severity", "voided", "created_at",
            "updated_at", "version");
    static final List<String> TRIAL = List.of("id", "patient_id", "episode_id", "kind", "agent", "trial_role", "augments_id",
            "start_date", "end_date", "adherence", "outcome", "stop_reason", "modality", "sessions", "voided", "created_at",
            "updated_at", "version");
    static final List<String> DOSE = List.of("trial_id", "trial_version", "step_no", "from_date", "mg_per_day");
    static final List<DrugClass> CLASSES = List.of(DrugClass.SSRI, DrugClass.SNRI, DrugClass.NDRI, DrugClass.NASSA,
            DrugClass.MULTIMODAL, DrugClass.SEROTONIN_MODULATOR, DrugClass.TCA, DrugClass.MAOI);
    static final double[] CLASS_WEIGHTS = {38, 24, 12, 8, 6, 5, 5, 2};
    private static final List<String> OUTCOMES = List.of("NO_RESPONSE", "PARTIAL_RESPONSE", "INTOLERANCE", "RESPONSE", "UNKNOWN");
    private static final double[] OUTCOME_WEIGHTS = {48, 26, 12, 9, 5};

    private HistoryMaker() {
    }

    /** Writes the history as taken at intake on {@code intake}; returns the number of medication trials. */
    static int write(Story s, LocalDate intake) {
        Instant at = s.during(intake);
        boolean hadEarlier = s.chance(0.3);
        LocalDate earlierOnset = null;
        LocalDate earlierEnd = null;
        if (hadEarlier) {
            earlierOnset = intake.minusMonths(s.between(60, 150));
            earlierEnd = earlierOnset.plusMonths(s.between(6, 24));
        }
        LocalDate onset = intake.minusMonths(s.between(8, 48));
        if (hadEarlier) {
            // Episodes follow one another: the earlier one ends before the current one begins.
            long earlier = episode(s, earlierOnset, earlierEnd.isBefore(onset) ? earlierEnd : onset.minusMonths(1), at);
            trials(s, earlier, earlierOnset.plusWeeks(2), s.between(0, 2), earlierOnset.plusMonths(6), at);
        }
        long current = episode(s, onset, null, at);
        int n = (int) Math.round(Math.min(8, Math.max(0, 3.2 + s.rnd.nextGaussian() * 1.8)));
        trials(s, current, onset.plusWeeks(s.between(1, 8)), n, intake.minusWeeks(1), at);
        if (s.chance(0.5)) {
            psychotherapy(s, current, onset.plusMonths(s.between(1, 6)), intake, at);
        }
        return n;
    }

    private static long episode(Story s, LocalDate onset, LocalDate end, Instant at) {
        long id = ++s.ids.episode;
        String severity = s.weighted(List.of("SEVERE", "MODERATE", "SEVERE_PSYCHOTIC", "MILD"), 55, 38, 3, 4);
        s.w.row("episode", EPISODE, id, s.patientId, onset, end, severity, false, s.stamp(at), s.stamp(at), 1);
        s.audit(at, AuditTrail.Kind.EPISODE_CREATE, id);
        return id;
    }

    /**
     * {@code count} trials one after another from {@code from}, none running past {@code until}; an augmentation runs
     * alongside the trial it augments, from a few weeks into it to its end.
     */
    private static void trials(Story s, long episode, LocalDate from, int count, LocalDate until, Instant at) {
        LocalDate start = from;
        long previous = 0;
        LocalDate previousStart = null;
        LocalDate previousEnd = null;
        for (int i = 0; i < count && start.isBefore(until.minusWeeks(4)); i++) {
            boolean augment = previous != 0 && s.chance(0.15) && previousEnd.isAfter(previousStart.plusWeeks(4));
            DrugClass c = augment ? DrugClass.AUGMENTING : s.weighted(CLASSES, CLASS_WEIGHTS);
            FormularyAgent agent = s.pick(s.ref.agents().getOrDefault(c, s.ref.agents().get(DrugClass.SSRI)));
            LocalDate begins = augment ? previousStart.plusWeeks(3) : start;
            LocalDate end = augment ? previousEnd : start.plusWeeks(s.between(5, 16));
            if (end.isAfter(until)) {
                end = until;
            }
            String outcome = s.weighted(OUTCOMES, OUTCOME_WEIGHTS);
            long id = ++s.ids.trial;
            s.w.row("treatment_trial", TRIAL, id, s.patientId, episode, "MEDICATION", agent.genericName(),
                    augment ? "AUGMENTATION" : "MONOTHERAPY", augment ? previous : null, begins, end,
                    s.weighted(List.of("GOOD", "PARTIAL", "POOR", "UNKNOWN"), 76, 14, 5, 5), outcome, stopReason(s, outcome), null,
                    null, false, s.stamp(at), s.stamp(at), 1);
            doses(s, id, agent, begins, end, outcome);
            s.audit(at, AuditTrail.Kind.TRIAL_CREATE, id);
            if (!augment) {
                previous = id;
                previousStart = begins;
                previousEnd = end;
                start = end.plusDays(s.between(0, 42));
            }
        }
    }

    private static String stopReason(Story s, String outcome) {
        return switch (outcome) {
            case "INTOLERANCE" -> "ADVERSE_EFFECTS";
            case "RESPONSE" -> s.chance(0.5) ? "PATIENT_PREFERENCE" : "OTHER";
            case "UNKNOWN" -> null;
            default -> "INEFFECTIVE";
        };
    }

    /** A starting dose, then (for most) a step to the adequate dose or above after one to three weeks. */
    private static void doses(Story s, long trial, FormularyAgent agent, LocalDate start, LocalDate end, String outcome) {
        BigDecimal min = agent.minAdequateMgPerDay() == null ? BigDecimal.TEN : agent.minAdequateMgPerDay();
        BigDecimal first = "INTOLERANCE".equals(outcome) || s.chance(0.5) ? half(min) : min;
        s.w.row("trial_dose", DOSE, trial, 1, 1, start, first);
        LocalDate step = start.plusWeeks(s.between(1, 3));
        if (step.isBefore(end) && !"INTOLERANCE".equals(outcome) && s.chance(0.85)) {
            BigDecimal target = s.chance(0.2) ? min.multiply(BigDecimal.valueOf(2)) : s.chance(0.1) ? half(min) : min;
            s.w.row("trial_dose", DOSE, trial, 1, 2, step, target);
        }
    }

    static BigDecimal half(BigDecimal mg) {
        BigDecimal h = mg.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        return h.signum() > 0 ? h.stripTrailingZeros() : mg;
    }

    private static void psychotherapy(Story s, long episode, LocalDate start, LocalDate intake, Instant at) {
        LocalDate end = start.plusWeeks(s.between(8, 20));
        if (!end.isBefore(intake)) {
            return;
        }
        long id = ++s.ids.trial;
        String outcome = s.weighted(List.of("NO_RESPONSE", "PARTIAL_RESPONSE", "RESPONSE"), 55, 35, 10);
        s.w.row("treatment_trial", TRIAL, id, s.patientId, episode, "PSYCHOTHERAPY", null, null, null, start, end,
                s.weighted(List.of("GOOD", "PARTIAL"), 80, 20), outcome, stopReason(s, outcome), s.weighted(List.of("CBT", "IPT", "BT", "PST", "STPP"), 50, 20, 10, 10, 10), s.between(6, 20), false,
                s.stamp(at), s.stamp(at), 1);
        s.audit(at, AuditTrail.Kind.TRIAL_CREATE, id);
    }
}
