package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.TreatmentTrial;

/**
 * The treatment-history trial an order implies, for the clinician to confirm or edit. {@code trial} has
 * the episode it falls in (null when none holds its start) and, for an augmentation, the trial it adds to
 * when the order it augments already has one. {@code existingTrialId} is set when the order is already
 * linked to a trial, which confirming updates.
 */
public record TrialProposal(long orderId, TreatmentTrial trial, Long existingTrialId, int existingVersion) {
    public boolean needsEpisode() {
        return trial.episodeId() == null;
    }
}
