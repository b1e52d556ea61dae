package clinic.threshold.ui.medication;

import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.medication.DoseChange;
import clinic.threshold.domain.medication.MedicationOrder;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.medication.MedicationPlan;
import clinic.threshold.domain.medication.OrderResult;
import clinic.threshold.domain.medication.OrderStopReason;
import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SavedOrder;
import clinic.threshold.domain.medication.SavedPlan;
import clinic.threshold.domain.medication.TrialProposal;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.LatestOnly;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The Medications tab: the patient's orders, plans, alerts and prompts, loaded off the JavaFX thread and
 * reloaded after every change. Writes report failures as the exception itself, so that a dialog can tell a
 * hard stop (which it answers with an override field) from a plain input problem.
 */
public final class MedicationsViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final long patientId;
    private final LatestOnly previews;
    private final PatientData<MedicationOverview> data;

    public MedicationsViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
        this.services = services;
        this.executor = executor;
        this.patientId = patientId;
        this.previews = new LatestOnly(executor);
        this.data = new PatientData<>(executor, events, patientId, () -> services.medications().overview(patientId),
                MedicationErrors::of);
    }

    public void load() {
        data.load();
    }

    /** The alerts a draft would raise (the newest request wins; failures show nothing). */
    public void preview(Long orderId, MedicationOrder draft, MedicationPlan plan, Consumer<List<SafetyAlert>> show) {
        previews.run(() -> services.medications().preview(patientId, orderId, draft, plan), show, e -> show.accept(List.of()));
    }

    /** The alerts a cross-taper draft would raise (newest request wins). */
    public void previewSwitch(SavedOrder from, MedicationPlan down, MedicationOrder to, MedicationPlan up,
                              Consumer<List<SafetyAlert>> show) {
        previews.run(() -> services.medications().previewSwitch(patientId, from.id(), down, to, up), show,
                e -> show.accept(List.of()));
    }

    public void saveOrder(SavedOrder saved, MedicationOrder order, String override, Consumer<OrderResult> onDone,
                          Consumer<Throwable> onError) {
        write(() -> services.medications().saveOrder(patientId, saved == null ? null : saved.id(),
                saved == null ? 0 : saved.version(), order, override), onDone, onError);
    }

    public void changeDose(SavedOrder saved, DoseChange change, String override, Consumer<OrderResult> onDone,
                           Consumer<Throwable> onError) {
        write(() -> services.medications().changeDose(patientId, saved.id(), saved.version(), change, override),
                onDone, onError);
    }

    public void stop(SavedOrder saved, LocalDate lastDay, OrderStopReason reason, String effect, String override,
                     Consumer<OrderResult> onDone, Consumer<Throwable> onError) {
        write(() -> services.medications().stopOrder(patientId, saved.id(), saved.version(), lastDay, reason, effect,
                override), onDone, onError);
    }

    public void crossTaper(SavedOrder from, MedicationPlan down, MedicationOrder to, MedicationPlan up, String override,
                           Consumer<OrderResult> onDone, Consumer<Throwable> onError) {
        write(() -> services.medications().crossTaper(patientId, from.id(), down, to, up, override), onDone, onError);
    }

    public void savePlan(SavedOrder order, MedicationPlan plan, String override, Consumer<SavedPlan> onDone,
                         Consumer<Throwable> onError) {
        write(() -> services.medications().savePlan(patientId, order.id(), plan, override), onDone, onError);
    }

    public void applyStep(SavedPlan plan, int stepNo, OrderStopReason stopReason, String override,
                          Consumer<OrderResult> onDone, Consumer<Throwable> onError) {
        write(() -> services.medications().applyStep(patientId, plan.id(), plan.version(), stepNo, stopReason, override),
                onDone, onError);
    }

    public void voidOrder(SavedOrder saved, String reason) {
        write(() -> {
            services.medications().voidOrder(patientId, saved.id(), saved.version(), reason);
            return null;
        }, r -> { }, data::fail);
    }

    public void proposal(SavedOrder saved, Consumer<TrialProposal> show) {
        executor.run(() -> services.medications().proposeTrial(patientId, saved.id()).orElse(null), show, data::fail);
    }

    public void confirmTrial(TrialProposal p, TreatmentTrial trial, Consumer<SavedTrial> onDone, Consumer<Throwable> onError) {
        write(() -> services.medications().confirmTrial(patientId, p.orderId(), trial, p.existingVersion()), onDone, onError);
    }

    /** The episodes a proposed trial can go into (for a proposal that found none). */
    public void episodes(Consumer<List<clinic.threshold.domain.history.SavedEpisode>> show) {
        executor.run(() -> services.history().overview(patientId).history().episodes(), show, data::fail);
    }

    public void exportPlan(Path file, Consumer<Path> onDone) {
        BooleanProperty busy = data.busyProperty();
        busy.set(true);
        executor.run(() -> {
            services.medicationPlanPdf().write(patientId, file);
            return file;
        }, f -> {
            busy.set(false);
            onDone.accept(f);
        }, e -> {
            busy.set(false);
            data.fail(e);
        });
    }

    private <T> void write(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        data.write(work, onDone, onError);
    }

    /** The signed-in user, written as the prescriber of a new order. */
    public String prescriberName() {
        return services.session().current().map(u -> u.username()).orElse("");
    }

    public boolean mayPrescribe() {
        return services.session().current().map(u -> u.may(Permission.MEDICATION_PRESCRIBE)).orElse(false);
    }

    public void dispose() {
        data.dispose();
    }

    public ReadOnlyObjectProperty<MedicationOverview> overviewProperty() {
        return data.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public BooleanProperty busyProperty() {
        return data.busyProperty();
    }

    public long patientId() {
        return patientId;
    }
}
