package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.PatientData;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViolationText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The chart's Appointments tab: the patient's appointments, the calendar file and printed list, the waitlist. */
public final class PatientAppointmentsViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final long patientId;
    private final PatientData<List<Appointment>> data;
    private final StringProperty message = new SimpleStringProperty("");

    public PatientAppointmentsViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, long patientId) {
        this.services = services;
        this.executor = executor;
        this.patientId = patientId;
        this.data = new PatientData<>(executor, events, patientId, () -> services.schedule().ofPatient(patientId),
                e -> ViolationText.of(e, f -> f));
    }

    public void load() {
        data.load();
    }

    public void dispose() {
        data.dispose();
    }

    public boolean mayBook() {
        return services.session().current().map(s -> s.may(Permission.SCHEDULE_WRITE)).orElse(false);
    }

    public void saveIcs(Path file) {
        executor.run(() -> Files.writeString(file, services.scheduleExports().patientIcs(patientId)),
                p -> message.set(Messages.get("schedule.saved", file.getFileName())), data::fail);
    }

    public void savePdf(Path file) {
        executor.run(() -> Files.write(file, services.scheduleExports().patientListPdf(patientId)),
                p -> message.set(Messages.get("schedule.saved", file.getFileName())), data::fail);
    }

    public void protocols(Consumer<List<Protocol>> shown) {
        executor.run(() -> services.tms().reference().protocols().stream().filter(Protocol::active).toList(), shown, data::fail);
    }

    public void addToWaitlist(String protocol, Preference p, String note, Runnable done, Consumer<String> failed) {
        data.write(() -> services.waitlist().add(patientId, protocol, p, note), id -> {
            message.set(Messages.get("schedule.waitlist.added"));
            done.run();
        }, e -> failed.accept(ViolationText.of(e, f -> ViolationText.label("schedule.field.", f))));
    }

    public ReadOnlyObjectProperty<List<Appointment>> appointmentsProperty() {
        return data.property();
    }

    public ReadOnlyStringProperty errorProperty() {
        return data.errorProperty();
    }

    public StringProperty messageProperty() {
        return message;
    }
}
