package clinic.threshold.service.medication;

import clinic.threshold.data.history.ReferenceDataRepository;
import clinic.threshold.data.medication.MedicationRepository;
import clinic.threshold.data.medication.MedicationRuleRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.medication.Course;
import clinic.threshold.domain.medication.DrugCatalog;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.SafetyChecker;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/** One patient's orders and plans with the rules in force, read once per medication use case. */
record MedicationContext(long patientId, List<SavedOrder> orders, List<SavedPlan> plans, DrugCatalog catalog,
                         SafetyChecker checker) {

    /** The context of a read (a voided or unknown patient is not found). */
    static MedicationContext read(DSLContext dsl, LocalDate today, long patientId) {
        new PatientRepository(dsl).findById(patientId).filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
        MedicationRuleRepository rules = new MedicationRuleRepository(dsl);
        DrugCatalog catalog = new DrugCatalog(new Formulary(new ReferenceDataRepository(dsl).formulary()), rules.members());
        MedicationRepository repo = new MedicationRepository(dsl);
        return new MedicationContext(patientId, repo.orders(patientId), repo.plans(patientId), catalog,
                new SafetyChecker(catalog, MedicationRule.inForce(rules.rules(), today), today));
    }

    /**
     * The context of a write, with the patient's row locked first: two prescribers saving at once for one
     * patient are checked one after the other, so neither misses the other's order (H2 and PostgreSQL).
     */
    static MedicationContext locked(DSLContext dsl, LocalDate today, long patientId) {
        new MedicationRepository(dsl).lockPatient(patientId);
        return read(dsl, today, patientId);
    }

    /** The key a course goes by in the checks: the order id, or "new". */
    static String key(Long id) {
        return id == null ? "new" : Long.toString(id);
    }

    SavedOrder order(long id) {
        return orders.stream().filter(o -> o.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("MedicationOrder", id));
    }

    List<MedicationPlan> plansOf(long orderId) {
        return plans.stream().filter(p -> p.orderId() == orderId).map(SavedPlan::plan).toList();
    }

    List<Course> othersThan(Long id) {
        return orders.stream().filter(o -> id == null || o.id() != id)
                .map(o -> Course.of(Long.toString(o.id()), o.order(), plansOf(o.id()))).toList();
    }
}
