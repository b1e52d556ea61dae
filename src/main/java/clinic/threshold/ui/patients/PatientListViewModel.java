package clinic.threshold.ui.patients;

import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The patient list: search text and filters in, matching patients out. Every change re-queries the
 * database (bounded by {@link PatientQuery#DEFAULT_LIMIT}); only the newest answer is shown.
 */
public final class PatientListViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final LatestOnly latest;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Choice<PatientStatus>> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice<Integer>> payerFilter = new SimpleObjectProperty<>();
    private final ObservableList<Choice<PatientStatus>> statusChoices = FXCollections.observableArrayList();
    private final ObservableList<Choice<Integer>> payerChoices = FXCollections.observableArrayList();
    private final ObservableList<PatientSummary> patients = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final javafx.animation.PauseTransition debounce =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));

    public PatientListViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events) {
        this.services = services;
        this.executor = executor;
        this.latest = new LatestOnly(executor);
        statusChoices.add(new Choice<>(null, Messages.get("patient.list.filter.allStatuses")));
        for (PatientStatus s : PatientStatus.values()) {
            statusChoices.add(new Choice<>(s, Messages.get("patient.status." + s.name())));
        }
        payerChoices.add(new Choice<>(null, Messages.get("patient.list.filter.allPayers")));
        statusFilter.set(statusChoices.get(0));
        payerFilter.set(payerChoices.get(0));
        // Typing fires one query when the typist pauses, not one per key.
        debounce.setOnFinished(e -> refresh());
        searchText.addListener((o, a, b) -> debounce.playFromStart());
        statusFilter.addListener((o, a, b) -> refresh());
        payerFilter.addListener((o, a, b) -> refresh());
        events.onChanged(id -> refresh());
    }

    /** Loads the payer list for the filter, then the first page of patients. */
    public void start() {
        executor.run(services.reference()::payers, this::setPayers, e -> error.set(ErrorText.of(e)));
        refresh();
    }

    public void refresh() {
        PatientQuery query = query();
        busy.set(true);
        latest.run(() -> services.patients().search(query), rows -> {
            busy.set(false);
            error.set("");
            patients.setAll(rows);
            info.set(rows.size() >= query.limit()
                    ? Messages.get("patient.list.info.limited", query.limit())
                    : Messages.get("patient.list.info.count", rows.size()));
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    PatientQuery query() {
        Choice<PatientStatus> s = statusFilter.get();
        Set<PatientStatus> statuses = s == null || s.value() == null ? null : EnumSet.of(s.value());
        Choice<Integer> p = payerFilter.get();
        return new PatientQuery(searchText.get(), statuses, p == null ? null : p.value(), PatientQuery.DEFAULT_LIMIT);
    }

    private void setPayers(List<Payer> payers) {
        Choice<Integer> selected = payerFilter.get();
        payerChoices.setAll(payerChoices.get(0));
        payers.forEach(p -> payerChoices.add(new Choice<>(p.id(), p.name())));
        payerFilter.set(selected == null ? payerChoices.get(0) : selected);
    }

    public boolean may(String permission) {
        return services.session().current().map(u -> u.may(permission)).orElse(false);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Choice<PatientStatus>> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<Choice<Integer>> payerFilterProperty() {
        return payerFilter;
    }

    public ObservableList<Choice<PatientStatus>> statusChoices() {
        return statusChoices;
    }

    public ObservableList<Choice<Integer>> payerChoices() {
        return payerChoices;
    }

    public ObservableList<PatientSummary> patients() {
        return patients;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
