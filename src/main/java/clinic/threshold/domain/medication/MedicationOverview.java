package clinic.threshold.domain.medication;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A patient's medication record as of a day: every order with its plans, the alerts the rules raise for
 * each (keyed by order id), the seizure-threshold groups of the drugs on the current list, the open MT
 * prompts, and the catalog the checks used.
 */
public record MedicationOverview(LocalDate asOf, List<SavedOrder> orders, List<SavedPlan> plans,
                                 Map<Long, List<SafetyAlert>> alerts, Map<String, Set<String>> seizureFlags,
                                 List<MtPrompt> prompts, DrugCatalog catalog) {

    /** The current list: orders started on or before today and not stopped before it. */
    public List<SavedOrder> current() {
        return orders.stream().filter(o -> o.order().activeOn(asOf)).toList();
    }

    public List<SavedPlan> plansOf(long orderId) {
        return plans.stream().filter(p -> p.orderId() == orderId).toList();
    }

    /** The order's recorded and planned days, as the checks see them. */
    public Course course(SavedOrder o) {
        return Course.of(Long.toString(o.id()), o.order(), plansOf(o.id()).stream().map(SavedPlan::plan).toList());
    }
}
