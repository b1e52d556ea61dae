package clinic.threshold.domain.medication;

import java.time.LocalDate;
import java.util.List;

/**
 * One medication order as the clinician wrote it, with its doses over time (the first is the start dose).
 * {@code agent} is the formulary's generic name when {@code inFormulary}, else the name as entered (a
 * non-psychiatric drug that matters for interactions or seizure risk). {@code stop} is the last day taken.
 */
public record MedicationOrder(String agent, boolean inFormulary, String strength, DoseForm form, DoseUnit unit,
                              Route route, boolean asNeeded, LocalDate start, LocalDate review, LocalDate stop,
                              String prescriber, String indication, OrderRole role, OrderStopReason stopReason,
                              String adverseEffect, String note, List<DoseChange> doses) {
    public MedicationOrder {
        doses = doses == null ? List.of() : List.copyOf(doses);
    }

    /** The dose in force on {@code day}, or null before the start or after the stop. */
    public DoseChange doseOn(LocalDate day) {
        if (day.isBefore(start) || (stop != null && day.isAfter(stop))) {
            return null;
        }
        DoseChange current = null;
        for (DoseChange d : doses) {
            if (!d.from().isAfter(day)) {
                current = d;
            }
        }
        return current;
    }

    /** Started on or before {@code day} and not stopped before it: on the current list that day. */
    public boolean activeOn(LocalDate day) {
        return !start.isAfter(day) && (stop == null || !stop.isBefore(day));
    }

    public MedicationOrder withStop(LocalDate day, OrderStopReason reason, String effect) {
        return new MedicationOrder(agent, inFormulary, strength, form, unit, route, asNeeded, start, review, day,
                prescriber, indication, role, reason, effect, note, doses);
    }

    public MedicationOrder withDoses(List<DoseChange> changes) {
        return new MedicationOrder(agent, inFormulary, strength, form, unit, route, asNeeded, start, review, stop,
                prescriber, indication, role, stopReason, adverseEffect, note, changes);
    }
}
