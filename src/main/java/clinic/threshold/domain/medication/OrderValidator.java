package clinic.threshold.domain.medication;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.history.FormularyAgent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Input rules for an order and a plan, before any safety rule: what is missing, impossible or implausible.
 * Violations name the order dialog's fields ({@code doses[1].dose}, {@code steps[2].dayOffset}). The dose
 * plausibility limit is the formulary's (a typing-error guard, not a prescribing limit).
 */
public final class OrderValidator {
    static final int MAX_NAME = 80;
    static final int MAX_STRENGTH = 40;
    static final int MAX_SHORT = 200;
    static final int MAX_NOTE = 2000;

    private final DrugCatalog catalog;

    public OrderValidator(DrugCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Violation> validate(MedicationOrder o) {
        List<Violation> v = new ArrayList<>();
        agent(o, v);
        required(v, "form", o.form());
        required(v, "unit", o.unit());
        required(v, "route", o.route());
        required(v, "role", o.role());
        required(v, "start", o.start());
        if (o.prescriber() == null || o.prescriber().isBlank()) {
            v.add(Violation.of("prescriber", "validation.required"));
        }
        if (o.form() != null && o.unit() != null && !o.form().accepts(o.unit())) {
            v.add(Violation.of("unit", "medication.error.unitForm", o.unit().name(), o.form().name()));
        }
        length(v, "strength", o.strength(), MAX_STRENGTH);
        length(v, "indication", o.indication(), MAX_SHORT);
        length(v, "adverseEffect", o.adverseEffect(), MAX_SHORT);
        length(v, "note", o.note(), MAX_NOTE);
        if (o.start() != null) {
            dates(o, v);
        }
        doses(o, v);
        return v;
    }

    /** A plan for {@code order}: steps in order, not before the order starts, nothing after a stop. */
    public List<Violation> validatePlan(MedicationOrder order, MedicationPlan plan) {
        List<Violation> v = new ArrayList<>();
        if (plan.startsOn() == null) {
            v.add(Violation.of("startsOn", "validation.required"));
            return v;
        }
        if (plan.startsOn().isBefore(order.start())) {
            v.add(Violation.of("startsOn", "medication.error.planBeforeOrder", order.start()));
        }
        if (plan.steps().isEmpty()) {
            v.add(Violation.of("steps", "medication.error.noSteps"));
        }
        length(v, "note", plan.note(), MAX_NOTE);
        Optional<FormularyAgent> agent = order.inFormulary() ? catalog.agent(order.agent(), plan.startsOn()) : Optional.empty();
        int previous = -1;
        boolean stopped = false;
        for (int i = 0; i < plan.steps().size(); i++) {
            PlanStep s = plan.steps().get(i);
            String f = "steps[" + i + "].";
            if (s.dayOffset() < 0) {
                v.add(Violation.of(f + "dayOffset", "medication.error.stepBeforeOrder", order.start()));
            } else if (s.dayOffset() <= previous) {
                v.add(Violation.of(f + "dayOffset", "medication.error.stepOrder"));
            }
            previous = Math.max(previous, s.dayOffset());
            if (stopped) {
                v.add(Violation.of(f + "dose", "medication.error.stepAfterStop"));
            }
            if (s.dose() == null || s.dose().signum() < 0) {
                v.add(Violation.of(f + "dose", "medication.error.doseNegative"));
            } else if (!s.stops()) {
                required(v, f + "frequency", s.frequency());
                if (s.frequency() != null) {
                    plausible(v, f + "dose", new DoseChange(s.date(plan.startsOn()), s.dose(), s.frequency()), order.unit(), agent);
                }
            }
            stopped |= s.dose() != null && s.stops();
            length(v, f + "condition", s.condition(), MAX_SHORT);
            length(v, f + "note", s.note(), MAX_SHORT * 2);
            // A stop step may fall on the day after the last dose; any other step must be while it is taken.
            LocalDate lastAllowed = order.stop() == null ? null : s.stops() ? order.stop().plusDays(1) : order.stop();
            if (lastAllowed != null && s.date(plan.startsOn()).isAfter(lastAllowed)) {
                v.add(Violation.of(f + "dayOffset", "medication.error.stepAfterOrderStop", order.stop()));
            }
        }
        return v;
    }

    private void agent(MedicationOrder o, List<Violation> v) {
        String name = o.agent();
        if (name == null || name.isBlank()) {
            v.add(Violation.of("agent", "validation.required"));
            return;
        }
        if (name.strip().length() > MAX_NAME) {
            v.add(Violation.of("agent", "medication.error.tooLong", MAX_NAME));
            return;
        }
        LocalDate on = o.start() == null ? LocalDate.MAX : o.start();
        boolean inFormulary = catalog.agent(name, on).isPresent();
        if (o.inFormulary() && !inFormulary) {
            List<String> close = catalog.suggestions(name);
            v.add(close.isEmpty() ? Violation.of("agent", "medication.error.unknownAgent", name.strip())
                    : Violation.of("agent", "medication.error.unknownAgentSuggest", name.strip(), String.join(", ", close)));
        } else if (!o.inFormulary() && inFormulary) {
            // A formulary drug typed as "other" would escape the class-based rules and the trial it makes.
            v.add(Violation.of("agent", "medication.error.formularyAgentAsOther", name.strip()));
        } else if (!o.inFormulary() && !catalog.knows(name)) {
            // "tramadole" or "tramadol HCl" must not slip past the MAOI rules that name tramadol.
            catalog.closeKnownName(name).ifPresent(known -> v.add(Violation.of("agent", "medication.error.otherSuggest",
                    name.strip(), known)));
        }
    }

    private void dates(MedicationOrder o, List<Violation> v) {
        if (o.review() != null && o.review().isBefore(o.start())) {
            v.add(Violation.of("review", "medication.error.beforeStart", o.start()));
        }
        if (o.stop() != null && o.stop().isBefore(o.start())) {
            v.add(Violation.of("stop", "medication.error.beforeStart", o.start()));
        }
        if (o.stop() != null && o.stopReason() == null) {
            v.add(Violation.of("stopReason", "medication.error.stopReasonRequired"));
        }
        if (o.stop() == null && o.stopReason() != null) {
            v.add(Violation.of("stop", "medication.error.stopDateRequired"));
        }
        if (o.stopReason() != null && o.stopReason().namesAnEffect()
                && (o.adverseEffect() == null || o.adverseEffect().isBlank())) {
            v.add(Violation.of("adverseEffect", "medication.error.effectRequired"));
        }
    }

    private void doses(MedicationOrder o, List<Violation> v) {
        if (o.doses().isEmpty()) {
            v.add(Violation.of("doses", "medication.error.noDose"));
            return;
        }
        Optional<FormularyAgent> agent = o.inFormulary() && o.agent() != null && o.start() != null
                ? catalog.agent(o.agent(), o.start()) : Optional.empty();
        LocalDate previous = null;
        for (int i = 0; i < o.doses().size(); i++) {
            DoseChange d = o.doses().get(i);
            String f = "doses[" + i + "].";
            if (d.from() == null) {
                v.add(Violation.of(f + "from", "validation.required"));
                continue;
            }
            if (i == 0 && o.start() != null && !d.from().equals(o.start())) {
                v.add(Violation.of(f + "from", "medication.error.firstDoseAtStart", o.start()));
            } else if (previous != null && !d.from().isAfter(previous)) {
                v.add(Violation.of(f + "from", "medication.error.doseOrder"));
            }
            if (o.stop() != null && o.start() != null && !o.stop().isBefore(o.start()) && d.from().isAfter(o.stop())) {
                v.add(Violation.of(f + "from", "medication.error.doseAfterStop", o.stop()));
            }
            previous = d.from();
            required(v, f + "frequency", d.frequency());
            if (d.dose() == null || d.dose().signum() <= 0) {
                v.add(Violation.of(f + "dose", d.dose() != null && d.dose().signum() < 0
                        ? "medication.error.doseNegative" : "medication.error.doseZero"));
            } else if (d.frequency() != null && o.unit() != null) {
                plausible(v, f + "dose", d, o.unit(), agent);
            }
        }
    }

    private static void plausible(List<Violation> v, String field, DoseChange d, DoseUnit unit,
                                  Optional<FormularyAgent> agent) {
        if (d.dose().scale() > 3 || d.dose().precision() - d.dose().scale() > 7) {
            v.add(Violation.of(field, "medication.error.doseDigits"));
            return;
        }
        BigDecimal mg = d.mgPerDay(unit);
        if (mg != null && agent.isPresent() && mg.compareTo(agent.get().maxPlausibleMgPerDay()) > 0) {
            v.add(Violation.of(field, "medication.error.dosePlausible", mg.toPlainString(),
                    agent.get().maxPlausibleMgPerDay().stripTrailingZeros().toPlainString()));
        }
    }

    private static void required(List<Violation> v, String field, Object value) {
        if (value == null) {
            v.add(Violation.of(field, "validation.required"));
        }
    }

    private static void length(List<Violation> v, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            v.add(Violation.of(field, "medication.error.tooLong", max));
        }
    }
}
