package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViolationText;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** The chart's Payer tab: the patient against their payer's policy, reloaded when anything in the chart changes. */
public final class PayerViewModel {
    private final PatientData<Optional<Readiness>> data;

    public PayerViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
        this.data = new PatientData<>(executor, events, patientId, () -> services.payers().readiness(patientId),
                e -> ViolationText.of(e, f -> f));
    }

    public void load() {
        data.load();
    }

    public void dispose() {
        data.dispose();
    }

    public ReadOnlyObjectProperty<Optional<Readiness>> readinessProperty() {
        return data.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }
}
