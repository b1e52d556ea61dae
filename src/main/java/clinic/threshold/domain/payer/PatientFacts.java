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
        Integer priorTmsImprovementPct, Boolean ectCandidate) {

    public PatientFacts {
        scores = List.copyOf(scores);
        exclusionsPresent = Set.copyOf(exclusionsPresent);
    }

    /** A rating-scale total on a day. */
    public record Score(String scale, int total, LocalDate date) {
    }
}
