package clinic.threshold.domain.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the TRD assessment from a structured history: pure, no database, every number from
 * {@link AssessmentRules} and the {@link Formulary}. Only trials of the current episode count.
 * Decisions where the published models leave room are recorded in ADR 0012.
 */
public final class TrdAssessor {
    private final Formulary formulary;
    private final AssessmentRules rules;

    public TrdAssessor(Formulary formulary, AssessmentRules rules) {
        this.formulary = formulary;
        this.rules = rules;
    }

    public TrdAssessment assess(TreatmentHistory history, LocalDate asOf) {
        TrialJudge judge = new TrialJudge(formulary, rules, asOf);
        // Looking back, the history is what was known on that day: later episodes and trials did not exist yet.
        Optional<Episode> current = history.asOf(asOf).currentEpisode();
        String currentId = current.map(Episode::id).orElse(null);
        List<TrialVerdict> verdicts = new ArrayList<>();
        List<TreatmentTrial> counted = new ArrayList<>();
        for (TreatmentTrial t : history.trials()) {
            if (t.start().isAfter(asOf)) {
                verdicts.add(judge.notYetBegun(t));
                continue;
            }
            boolean inCurrent = currentId != null && currentId.equals(t.episodeId());
            verdicts.add(judge.judge(t, inCurrent));
            if (inCurrent) {
                counted.add(judge.asKnown(t)); // staging and MGH see an outcome only once it was known
            }
        }
        int failedMedication = 0;
        int failedPsychotherapy = 0;
        int intolerances = 0;
        Set<DrugClass> failedClasses = EnumSet.noneOf(DrugClass.class);
        for (int i = 0; i < history.trials().size(); i++) {
            TreatmentTrial t = history.trials().get(i);
            TrialVerdict v = verdicts.get(i);
            intolerances += v.intolerance() ? 1 : 0;
            if (!v.failed()) {
                continue;
            }
            if (t.kind() == TrialKind.MEDICATION) {
                failedMedication++;
                judge.classOf(t).filter(DrugClass::isAntidepressantClass).ifPresent(failedClasses::add);
            } else if (t.kind() == TrialKind.PSYCHOTHERAPY) {
                failedPsychotherapy++;
            }
        }
        boolean failedBilateralEct = counted.stream().anyMatch(judge::isFailedBilateralEct);
        List<Reason> stageReasons = new ArrayList<>();
        int stage = thaseRush(failedMedication, failedClasses, failedBilateralEct, stageReasons);
        return new TrdAssessment(asOf, currentId, failedMedication, failedClasses, intolerances, failedPsychotherapy,
                failedMedication >= rules.trdMinFailedTrials(), rules.trdMinFailedTrials(), stage, stageReasons,
                maudsley(current, counted, failedMedication, asOf), mgh(counted, failedMedication), verdicts);
    }

    /**
     * Thase-Rush: each stage requires the one before plus its own failure; the order of the trials does not
     * matter, and a failed TCA or MAOI also counts as one of stage 2's classes (ADR 0012).
     */
    private static int thaseRush(int failed, Set<DrugClass> classes, boolean failedBilateralEct, List<Reason> why) {
        if (failed == 0) {
            why.add(Reason.of("history.stage.none"));
            return 0;
        }
        why.add(Reason.of("history.stage.one", failed));
        if (classes.size() < 2) {
            why.add(Reason.of("history.stage.needTwoClasses", classes.size()));
            return 1;
        }
        why.add(Reason.of("history.stage.two", classes.size()));
        if (!classes.contains(DrugClass.TCA)) {
            why.add(Reason.of("history.stage.needTca"));
            return 2;
        }
        why.add(Reason.of("history.stage.three"));
        if (!classes.contains(DrugClass.MAOI)) {
            why.add(Reason.of("history.stage.needMaoi"));
            return 3;
        }
        why.add(Reason.of("history.stage.four"));
        if (!failedBilateralEct) {
            why.add(Reason.of("history.stage.needEct"));
            return 4;
        }
        why.add(Reason.of("history.stage.five"));
        return 5;
    }

    private MaudsleyScore maudsley(Optional<Episode> current, List<TreatmentTrial> counted, int failed, LocalDate asOf) {
        long months = 0;
        int durationPoints = 0;
        int severityPoints = 0;
        if (current.isPresent()) {
            Episode e = current.get();
            LocalDate until = e.end() != null && e.end().isBefore(asOf) ? e.end() : asOf;
            months = Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(e.onset(), until));
            // "Up to 12 months": not after the day 12 months from onset (12 months and a day is over).
            int level = !until.isAfter(e.onset().plusMonths(rules.maudsleyAcuteMaxMonths())) ? 0
                    : !until.isAfter(e.onset().plusMonths(rules.maudsleySubacuteMaxMonths())) ? 1 : 2;
            durationPoints = rules.maudsleyDurationPoints().get(level);
            severityPoints = e.severity() == null ? 0 : rules.maudsleySeverityPoints().get(e.severity());
        }
        int failurePoints = 0;
        if (failed > 0) {
            List<Integer> levels = rules.maudsleyFailureLevelMax();
            int level = levels.size();
            for (int i = 0; i < levels.size(); i++) {
                if (failed <= levels.get(i)) {
                    level = i;
                    break;
                }
            }
            List<Integer> points = rules.maudsleyFailurePoints();
            failurePoints = points.get(Math.min(level, points.size() - 1));
        }
        boolean augmentation = counted.stream().anyMatch(t -> t.kind() == TrialKind.MEDICATION
                && t.role() == TrialRole.AUGMENTATION);
        boolean ect = counted.stream().anyMatch(t -> t.kind() == TrialKind.ECT);
        int augmentationPoints = augmentation ? rules.maudsleyAugmentationPoints() : 0;
        int ectPoints = ect ? rules.maudsleyEctPoints() : 0;
        int total = durationPoints + severityPoints + failurePoints + augmentationPoints + ectPoints;
        MaudsleyBand band = total <= rules.maudsleyMildMax() ? MaudsleyBand.MILD
                : total <= rules.maudsleyModerateMax() ? MaudsleyBand.MODERATE : MaudsleyBand.SEVERE;
        return new MaudsleyScore(durationPoints, months, severityPoints, failurePoints, augmentationPoints, ectPoints,
                total, band);
    }

    private MghScore mgh(List<TreatmentTrial> counted, int failed) {
        int augOrCombo = (int) counted.stream().filter(t -> t.kind() == TrialKind.MEDICATION
                && (t.role() == TrialRole.AUGMENTATION || t.role() == TrialRole.COMBINATION)).count();
        boolean failedEct = counted.stream().anyMatch(t -> t.kind() == TrialKind.ECT && t.outcome().isNonResponse());
        java.math.BigDecimal total = rules.mghPerFailedTrial().multiply(java.math.BigDecimal.valueOf(failed))
                .add(rules.mghPerAugmentationOrCombination().multiply(java.math.BigDecimal.valueOf(augOrCombo)))
                .add(failedEct ? rules.mghFailedEct() : java.math.BigDecimal.ZERO);
        return new MghScore(failed, augOrCombo, failedEct, total.stripTrailingZeros());
    }
}
