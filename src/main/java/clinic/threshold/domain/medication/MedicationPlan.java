package clinic.threshold.domain.medication;

import java.time.LocalDate;
import java.util.List;

/** Dated dose steps for one order; two plans sharing a {@code switchId} are a cross-taper. */
public record MedicationPlan(LocalDate startsOn, List<PlanStep> steps, String note) {
    public MedicationPlan {
        steps = List.copyOf(steps);
    }

    /** The day the plan stops the drug (its first zero-dose step), or null when it never does. */
    public LocalDate stopDay() {
        return steps.stream().filter(PlanStep::stops).map(s -> s.date(startsOn)).min(LocalDate::compareTo).orElse(null);
    }
}
