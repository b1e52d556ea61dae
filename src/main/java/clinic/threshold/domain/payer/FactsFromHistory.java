package clinic.threshold.domain.payer;

import clinic.threshold.domain.history.TrdAssessment;
import clinic.threshold.domain.history.TreatmentHistory;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.domain.history.TrialVerdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The readiness facts a treatment history gives: whether one is recorded, whether an augmentation trial of the
 * current episode failed, and the sessions of its psychotherapy (the failed trial's, or the longest one's).
 */
public final class FactsFromHistory {
    private FactsFromHistory() {
    }

    public static PatientFacts of(TreatmentHistory h, TrdAssessment a, LocalDate birthDate, String diagnosisCode,
            List<PatientFacts.Score> scores, Set<Exclusion> exclusions, Integer priorTmsImprovementPct, Boolean ectCandidate) {
        Map<String, TrialVerdict> verdicts = a.trials().stream().collect(Collectors.toMap(TrialVerdict::trialId, Function.identity(),
                (x, y) -> x));
        List<TreatmentTrial> current = h.trials().stream().filter(t -> t.episodeId() != null
                && t.episodeId().equals(a.currentEpisodeId())).toList();
        boolean augmentation = current.stream().anyMatch(t -> t.role() == TrialRole.AUGMENTATION
                && verdicts.containsKey(t.id()) && verdicts.get(t.id()).failed());
        List<TreatmentTrial> therapy = current.stream().filter(t -> t.kind() == TrialKind.PSYCHOTHERAPY && t.sessions() != null).toList();
        int sessions = therapy.stream().filter(t -> verdicts.containsKey(t.id()) && verdicts.get(t.id()).failed())
                .mapToInt(TreatmentTrial::sessions).max()
                .orElse(therapy.stream().mapToInt(TreatmentTrial::sessions).max().orElse(0));
        Set<String> medication = h.trials().stream().filter(t -> t.kind() == TrialKind.MEDICATION).map(TreatmentTrial::id)
                .collect(Collectors.toSet());
        return new PatientFacts(birthDate, diagnosisCode, a, !h.episodes().isEmpty(), augmentation, sessions, scores, exclusions,
                priorTmsImprovementPct, ectCandidate, medication);
    }

    /** A scale's name as people write it ("PHQ-9", "HAM-D17", "BDI-II") as the app's code ("PHQ9", "HAMD17", "BDI2"). */
    public static String scaleCode(String instrument) {
        String c = instrument.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return c.equals("BDIII") ? "BDI2" : c.equals("HAMD") ? "HAMD17" : c;
    }
}
