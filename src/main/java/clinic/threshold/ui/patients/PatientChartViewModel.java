package clinic.threshold.ui.patients;

import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One open chart: the patient, their payer and diagnosis names, and the registry actions (discharge,
 * hold, reactivate, void). Reloads when the patient is saved elsewhere.
 */
public final class PatientChartViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final Clock clock;
    private final long patientId;
    private final LongConsumer onEvent;
    private final LatestOnly latest;

    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty closed = new SimpleBooleanProperty();
    private final java.util.List<Runnable> disposers = new java.util.ArrayList<>();

    public PatientChartViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, Clock clock,
                                 long patientId) {
        this.services = services;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
        this.patientId = patientId;
        this.latest = new LatestOnly(executor);
        this.onEvent = id -> {
            if (id == patientId) {
                load();
            }
        };
        events.onChanged(onEvent);
    }

    public void load() {
        busy.set(true);
        latest.run(() -> {
            Patient p = services.patients().get(patientId);
            String payer = p.details().payerId() == null ? null
                    : services.reference().payer(p.details().payerId()).map(Payer::name).orElse(null);
            DiagnosisCode dx = p.details().primaryDiagnosisCode() == null ? null
                    : services.reference().diagnosis(p.details().primaryDiagnosisCode()).orElse(null);
            return new ChartData(p, payer, dx, p.ageOn(LocalDate.now(clock)));
        }, d -> {
            busy.set(false);
            error.set("");
            data.set(d);
        }, e -> {
            busy.set(false);
            error.set(ErrorText.of(e));
        });
    }

    public void discharge(LocalDate on) {
        act(() -> services.patients().discharge(patientId, version(), on));
    }

    public void putOnHold() {
        act(() -> services.patients().setStatus(patientId, version(), PatientStatus.ON_HOLD));
    }

    public void reactivate() {
        act(() -> services.patients().setStatus(patientId, version(), PatientStatus.ACTIVE));
    }

    /** Voids the patient; the chart then closes because a voided patient is no longer shown. */
    public void voidPatient(String reason) {
        busy.set(true);
        int v = version();
        executor.run(() -> services.patients().voidPatient(patientId, v, reason), p -> {
            busy.set(false);
            closed.set(true);
            events.changed(patientId);
        }, this::fail);
    }

    /** Runs a registry action; the chart stays busy until it has reloaded, so no button acts on old data. */
    private void act(Callable<Patient> work) {
        busy.set(true);
        executor.run(work, p -> events.changed(p.id()), this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        error.set(ErrorText.of(e));
    }

    private int version() {
        return data.get() == null ? 0 : data.get().patient().version();
    }

    /** Stops listening for changes (this chart's and its tabs'); call when the chart's tab closes. */
    public void dispose() {
        events.removeListener(onEvent);
        disposers.forEach(Runnable::run);
    }

    /** Runs {@code r} when the chart is disposed (tabs with listeners of their own). */
    public void onDispose(Runnable r) {
        disposers.add(r);
    }

    public boolean may(String permission) {
        return services.session().current().map(u -> u.may(permission)).orElse(false);
    }

    public long patientId() {
        return patientId;
    }

    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty closedProperty() {
        return closed;
    }

    public String title() {
        ChartData d = data.get();
        return d == null ? Messages.get("chart.loading") : d.patient().details().displayName();
    }

    /** What the chart shows, loaded in one go off the JavaFX thread. */
    public record ChartData(Patient patient, String payerName, DiagnosisCode diagnosis, int age) {
    }
}
