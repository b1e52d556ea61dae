package clinic.threshold.domain.history;

import java.time.LocalDate;
import java.util.List;

/**
 * One treatment tried within an episode. Which fields apply depends on {@code kind}: medication trials have
 * an agent, a role, dose steps and adherence; psychotherapy a modality and sessions; ECT a laterality and
 * sessions; TMS a protocol and sessions. {@code augments} is the id of the trial an augmentation adds to.
 */
public record TreatmentTrial(String id, String episodeId, TrialKind kind, String agent, TrialRole role,
                             String augments, LocalDate start, LocalDate end, List<DoseStep> doses,
                             Adherence adherence, TrialOutcome outcome, StopReason stopReason, Modality modality,
                             Integer sessions, Laterality laterality, String protocol, String note) {
    public TreatmentTrial {
        doses = doses == null ? List.of() : List.copyOf(doses);
        adherence = adherence == null ? Adherence.UNKNOWN : adherence;
        outcome = outcome == null ? TrialOutcome.UNKNOWN : outcome;
    }

    /** The last day counted: the end date, or the assessment date for a trial still running. */
    public LocalDate endOr(LocalDate asOf) {
        return end == null || end.isAfter(asOf) ? asOf : end;
    }
}
