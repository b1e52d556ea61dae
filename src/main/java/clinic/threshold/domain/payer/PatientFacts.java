package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.TrdAssessment;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What readiness is judged on, gathered from the chart: age, diagnosis, the TRD assessment of the current episode
 * (failed adequate trials with their classes and weeks at dose), whether an augmentation trial failed, the
 * psychotherapy sessions, the rating-scale totals, the exclusions documented present, the prior TMS response, and
 * whether the patient is an ECT candidate. Null means not documented.
 */
public record PatientFacts(LocalDate birthDate, String diagnosisCode, TrdAssessment assessment, boolean historyRecorded,
        boolean augmentationFailed, int psychotherapySessions, List<Score> scores, Set<Exclusion> exclusionsPresent,
        Integer priorTmsImprovementPct, Boolean ectCandidate, Set<String> medicationTrialIds, Boolean screened) {

    public PatientFacts {
        scores = List.copyOf(scores);
        exclusionsPresent = Set.copyOf(exclusionsPresent);
        medicationTrialIds = medicationTrialIds == null ? null : Set.copyOf(medicationTrialIds);
    }

    /** Facts without knowing whether the patient was screened (the history file alone). */
    public PatientFacts(LocalDate birthDate, String diagnosisCode, TrdAssessment assessment, boolean historyRecorded,
            boolean augmentationFailed, int psychotherapySessions, List<Score> scores, Set<Exclusion> exclusionsPresent,
            Integer priorTmsImprovementPct, Boolean ectCandidate, Set<String> medicationTrialIds) {
        this(birthDate, diagnosisCode, assessment, historyRecorded, augmentationFailed, psychotherapySessions, scores,
                exclusionsPresent, priorTmsImprovementPct, ectCandidate, medicationTrialIds, null);
    }

    /**
     * The same facts, knowing whether a TMS safety screening is on record: without one, the exclusions its answers would
     * show are undocumented rather than absent.
     */
    public PatientFacts withScreened(boolean onRecord) {
        return new PatientFacts(birthDate, diagnosisCode, assessment, historyRecorded, augmentationFailed, psychotherapySessions,
                scores, exclusionsPresent, priorTmsImprovementPct, ectCandidate, medicationTrialIds, onRecord);
    }

    /** Facts whose assessment holds medication trials only. */
    public PatientFacts(LocalDate birthDate, String diagnosisCode, TrdAssessment assessment, boolean historyRecorded,
            boolean augmentationFailed, int psychotherapySessions, List<Score> scores, Set<Exclusion> exclusionsPresent,
            Integer priorTmsImprovementPct, Boolean ectCandidate) {
        this(birthDate, diagnosisCode, assessment, historyRecorded, augmentationFailed, psychotherapySessions, scores,
                exclusionsPresent, priorTmsImprovementPct, ectCandidate, null);
    }

    /** Whether a verdict is of an antidepressant (medication) trial: psychotherapy and ECT verdicts are not. */
    public boolean medicationTrial(String trialId) {
        return medicationTrialIds == null || medicationTrialIds.contains(trialId);
    }

    /** A rating-scale total on a day. */
    public record Score(String scale, int total, LocalDate date) {
    }
}
