package clinic.threshold.domain.medication;

import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TreatmentTrial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the trial record an order stands for: a formulary antidepressant or augmenting agent, in a trial
 * role, with its recorded doses as dose steps in mg/day and the stop reason mapped to outcome and adherence
 * (domain.md 7.1: ineffective is no response, an adverse effect is intolerance, non-adherence is poor
 * adherence). Orders for hypnotics, other roles or non-formulary drugs propose nothing.
 */
public final class TrialProposer {
    private final DrugCatalog catalog;

    public TrialProposer(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    /** One of the patient's orders, with its id and the trial it is linked to (null when none). */
    public record LinkedOrder(long id, MedicationOrder order, Long trialId) {
    }

    /**
     * The trial for {@code target}, or empty when it stands for none. {@code episodes} are the patient's
     * (ids as text), {@code orders} all their orders (to find what an augmentation adds to).
     */
    public Optional<TreatmentTrial> propose(LinkedOrder target, List<Episode> episodes, List<LinkedOrder> orders) {
        MedicationOrder o = target.order();
        if (!o.inFormulary() || o.role() == null || o.role().trialRole() == null) {
            return Optional.empty();
        }
        Optional<FormularyAgent> agent = catalog.agent(o.agent(), o.start());
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        String episode = episodes.stream().filter(e -> !e.onset().isAfter(o.start())
                        && (e.end() == null || !e.end().isBefore(o.start())))
                .map(Episode::id).findFirst().orElse(null);
        String augments = null;
        if (o.role() == OrderRole.AUGMENTATION) {
            augments = orders.stream().filter(x -> x.id() != target.id() && x.trialId() != null
                            && x.order().role() != OrderRole.AUGMENTATION && x.order().activeOn(o.start()))
                    .map(x -> Long.toString(x.trialId())).findFirst().orElse(null);
        }
        List<DoseStep> steps = new ArrayList<>();
        for (DoseChange d : o.doses()) {
            BigDecimal mg = d.mgPerDay(o.unit());
            if (mg != null && (o.stop() == null || !d.from().isAfter(o.stop()))) {
                steps.add(new DoseStep(d.from(), mg));
            }
        }
        OrderStopReason why = o.stopReason();
        TrialOutcome outcome = why == null ? TrialOutcome.UNKNOWN : why.outcome();
        String note = o.adverseEffect() == null || o.adverseEffect().isBlank() ? null
                : "Adverse effect: " + o.adverseEffect().strip();
        return Optional.of(new TreatmentTrial(null, episode, TrialKind.MEDICATION, agent.get().genericName(),
                o.role().trialRole(), augments, o.start(), o.stop(), steps,
                why == null ? null : why.adherence(), outcome, why == null ? null : why.trialStopReason(),
                null, null, null, null, note));
    }

    /**
     * The derived trial with what only the clinician can know kept from the trial already confirmed: the
     * outcome and adherence (unless the stop reason changed, which changes what they mean), the episode, and
     * the trial an augmentation adds to.
     */
    public static TreatmentTrial keepClinicianChoices(TreatmentTrial derived, TreatmentTrial existing) {
        boolean sameReason = derived.stopReason() == existing.stopReason();
        return new TreatmentTrial(existing.id(), existing.episodeId(), derived.kind(), derived.agent(), derived.role(),
                existing.augments() != null ? existing.augments() : derived.augments(), derived.start(), derived.end(),
                derived.doses(), sameReason ? existing.adherence() : derived.adherence(),
                sameReason ? existing.outcome() : derived.outcome(), derived.stopReason(), null, null, null, null,
                existing.note() != null ? existing.note() : derived.note());
    }

    /** Whether two trials record the same thing (ids aside). */
    public static boolean sameRecord(TreatmentTrial a, TreatmentTrial b) {
        return java.util.Objects.equals(a.episodeId(), b.episodeId()) && a.kind() == b.kind()
                && java.util.Objects.equals(a.agent(), b.agent()) && a.role() == b.role()
                && java.util.Objects.equals(a.augments(), b.augments()) && a.start().equals(b.start())
                && java.util.Objects.equals(a.end(), b.end()) && sameDoses(a, b) && a.adherence() == b.adherence()
                && a.outcome() == b.outcome() && a.stopReason() == b.stopReason();
    }

    private static boolean sameDoses(TreatmentTrial a, TreatmentTrial b) {
        if (a.doses().size() != b.doses().size()) {
            return false;
        }
        for (int i = 0; i < a.doses().size(); i++) {
            if (!a.doses().get(i).from().equals(b.doses().get(i).from())
                    || a.doses().get(i).mgPerDay().compareTo(b.doses().get(i).mgPerDay()) != 0) {
                return false;
            }
        }
        return true;
    }
}
