package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViolationText;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The chart's Payer tab: the patient against their payer's policy and the patient's prior-authorization requests with
 * their letters; both reload when anything in the chart changes.
 */
public final class PayerViewModel {
    private final PatientData<Optional<Readiness>> data;
    private final PatientData<List<AuthorizationRow>> requests;
    private final AuthorizationActions actions;
    private final Clock clock;
    private final long patientId;
    private final StringProperty message = new SimpleStringProperty("");

    public PayerViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId, Clock clock) {
        this.patientId = patientId;
        this.clock = clock;
        this.data = new PatientData<>(executor, events, patientId, () -> services.payers().readiness(patientId),
                e -> ViolationText.of(e, f -> f));
        this.requests = new PatientData<>(executor, events, patientId, () -> services.authorizations().ofPatient(patientId),
                e -> ViolationText.of(e, f -> f));
        this.actions = new AuthorizationActions(services, executor, events);
    }

    public void load() {
        data.load();
        requests.load();
    }

    public void dispose() {
        data.dispose();
        requests.dispose();
    }

    public long patientId() {
        return patientId;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    AuthorizationActions actions() {
        return actions;
    }

    public ReadOnlyObjectProperty<Optional<Readiness>> readinessProperty() {
        return data.property();
    }

    public ReadOnlyObjectProperty<List<AuthorizationRow>> requestsProperty() {
        return requests.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public ReadOnlyStringProperty requestsErrorProperty() {
        return requests.errorProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }
}
