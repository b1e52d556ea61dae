package clinic.threshold.domain.medication;

import clinic.threshold.service.history.SeedReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Orders and courses for the medication rule tests, checked against the shipped seed rules. */
final class MedicationFixtures {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final DrugCatalog CATALOG = new DrugCatalog(SeedReference.formulary(), SeedReference.drugGroups());

    private MedicationFixtures() {
    }

    static SafetyChecker checker() {
        return new SafetyChecker(CATALOG, MedicationRule.inForce(SeedReference.medicationRules(), TODAY), TODAY);
    }

    static MedicationOrder order(String agent, LocalDate start, LocalDate stop, String mg, Frequency f) {
        return order(agent, DoseForm.TABLET, start, stop, mg, f);
    }

    static MedicationOrder order(String agent, DoseForm form, LocalDate start, LocalDate stop, String mg, Frequency f) {
        boolean formulary = CATALOG.agent(agent, start).isPresent();
        return new MedicationOrder(agent, formulary, null, form, DoseUnit.MG, Route.ORAL, false, start, null, stop,
                "dr.rivera", null, OrderRole.MONOTHERAPY, stop == null ? null : OrderStopReason.INEFFECTIVE, null, null,
                List.of(new DoseChange(start, new BigDecimal(mg), f)));
    }

    static Course course(String key, MedicationOrder o, MedicationPlan... plans) {
        return Course.of(key, o, List.of(plans));
    }

    static Course daily(String key, String agent, LocalDate start, LocalDate stop, String mg) {
        return course(key, order(agent, start, stop, mg, Frequency.ONCE_DAILY));
    }

    static PlanStep step(int offset, String mg) {
        return new PlanStep(offset, new BigDecimal(mg), Frequency.ONCE_DAILY, null, null, null, null);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
