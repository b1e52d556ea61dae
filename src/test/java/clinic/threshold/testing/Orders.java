package clinic.threshold.testing;

import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DoseUnit;
import clinic.threshold.domain.medication.Frequency;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.OrderRole;
import clinic.threshold.domain.medication.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Medication orders for service and UI tests: a formulary tablet taken once daily, prescribed by the tester. */
public final class Orders {
    private Orders() {
    }

    public static MedicationOrder daily(String agent, LocalDate start, String mg) {
        return new MedicationOrder(agent, true, mg + " mg", DoseForm.TABLET, DoseUnit.MG, Route.ORAL, false, start,
                start.plusWeeks(4), null, TestClinic.TESTER, "depression", OrderRole.MONOTHERAPY, null, null,
                "take with food", List.of(new DoseChange(start, new BigDecimal(mg), Frequency.ONCE_DAILY)));
    }
}
