package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.IntakeRow;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Authorizations screen: the intake list (patients without a course under way, what each still needs for their
 * payer) and the front desk's pipeline of requests, filtered by status and by name or MRN; reloaded whenever a patient
 * changes.
 */
public final class AuthorizationsViewModel {
    private final ClinicServices services;
    private final LatestOnly latest;
    private final PatientEvents events;
    private final Clock clock;
    private final AuthorizationActions actions;
    private final LongConsumer onEvent = id -> load();
    private final ObservableList<IntakeRow> intake = FXCollections.observableArrayList();
    private final ObservableList<AuthorizationRow> pipeline = FXCollections.observableArrayList();
    private final FilteredList<AuthorizationRow> shown = new FilteredList<>(pipeline);
    private final ObjectProperty<AuthStatus> status = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public AuthorizationsViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, Clock clock) {
        this.services = services;
        this.latest = new LatestOnly(executor);
        this.events = events;
        this.clock = clock;
        this.actions = new AuthorizationActions(services, executor, events);
        events.onChanged(onEvent);
        status.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
    }

    private record Lists(List<IntakeRow> intake, List<AuthorizationRow> pipeline) {
    }

    public void load() {
        busy.set(true);
        boolean clinical = mayReadClinical();
        latest.run(() -> new Lists(clinical ? services.payers().intake() : List.of(), services.authorizations().pipeline()), l -> {
            busy.set(false);
            error.set("");
            intake.setAll(l.intake());
            pipeline.setAll(l.pipeline());
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    private void refilter() {
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        AuthStatus s = status.get();
        LocalDate today = today();
        shown.setPredicate(r -> (s == null || r.request().statusOn(today) == s)
                && (q.isEmpty() || r.request().patientName().toLowerCase(Locale.ROOT).contains(q)
                || r.request().mrn().toLowerCase(Locale.ROOT).contains(q)));
    }

    public void dispose() {
        events.removeListener(onEvent);
    }

    public boolean mayReadClinical() {
        return services.session().current().map(x -> x.may(Permission.CLINICAL_READ)).orElse(false);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    AuthorizationActions actions() {
        return actions;
    }

    public ObservableList<IntakeRow> intake() {
        return intake;
    }

    public ObservableList<AuthorizationRow> pipeline() {
        return shown;
    }

    /** How many requests stand in each status today, for the pipeline's summary line. */
    public java.util.Map<AuthStatus, Long> counts() {
        LocalDate today = today();
        return pipeline.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.request().statusOn(today),
                () -> new java.util.EnumMap<>(AuthStatus.class), java.util.stream.Collectors.counting()));
    }

    public ObservableList<AuthorizationRow> allRequests() {
        return pipeline;
    }

    public ObjectProperty<AuthStatus> statusProperty() {
        return status;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
