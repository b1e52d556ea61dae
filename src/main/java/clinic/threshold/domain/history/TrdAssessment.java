package clinic.threshold.domain.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The TRD assessment of one history on one date: counts, TRD status, the three staging models, and a
 * verdict with reasons for every trial. {@code currentEpisodeId} is null when no episode is recorded.
 */
public record TrdAssessment(LocalDate asOf, String currentEpisodeId, int failedAdequateTrials,
                            Set<DrugClass> failedClasses, int intolerances, int failedPsychotherapyTrials,
                            boolean trd, int trdThreshold, int thaseRushStage, List<Reason> thaseRushReasons, MaudsleyScore maudsley,
                            MghScore mgh, List<TrialVerdict> trials) {
    public TrdAssessment {
        failedClasses = Set.copyOf(failedClasses);
        thaseRushReasons = List.copyOf(thaseRushReasons);
        trials = List.copyOf(trials);
    }

    public int distinctFailedClasses() {
        return failedClasses.size();
    }

    public java.util.Optional<TrialVerdict> verdict(String trialId) {
        return trials.stream().filter(v -> v.trialId().equals(trialId)).findFirst();
    }
}
