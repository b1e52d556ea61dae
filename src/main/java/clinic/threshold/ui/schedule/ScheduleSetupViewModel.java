package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.HoursRow;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.TaskExecutor;
import clinic.threshold.ui.common.ViolationText;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Chairs, technicians, supervising physicians, clinic hours and absences, as administrators keep them. */
public final class ScheduleSetupViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final ObjectProperty<ScheduleResources> resources = new SimpleObjectProperty<>();
    private final ObjectProperty<List<Protocol>> protocols = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Device>> devices = new SimpleObjectProperty<>(List.of());
    private final StringProperty message = new SimpleStringProperty("");

    public ScheduleSetupViewModel(ClinicServices services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
    }

    public void load() {
        executor.run(() -> new Loaded(services.scheduleSetup().resources(), services.tms().reference().protocols(),
                services.tms().reference().devices()), l -> {
                    protocols.set(l.protocols());
                    devices.set(l.devices());
                    resources.set(l.resources());
                }, e -> message.set(ViolationText.of(e, f -> f)));
    }

    private record Loaded(ScheduleResources resources, List<Protocol> protocols, List<Device> devices) {
    }

    public void saveHours(List<HoursRow> rows, Runnable done, Consumer<String> failed) {
        save(() -> {
            services.scheduleSetup().setClinicHours(rows);
            return null;
        }, done, failed);
    }

    public void saveChair(clinic.threshold.service.schedule.ScheduleSetupService.ChairForm f, Runnable done,
            Consumer<String> failed) {
        save(() -> services.scheduleSetup().saveChair(f), done, failed);
    }

    public void saveTechnician(clinic.threshold.service.schedule.ScheduleSetupService.TechnicianForm f, Runnable done,
            Consumer<String> failed) {
        save(() -> services.scheduleSetup().saveTechnician(f), done, failed);
    }

    public void savePhysician(clinic.threshold.service.schedule.ScheduleSetupService.PhysicianForm f, Runnable done,
            Consumer<String> failed) {
        save(() -> services.scheduleSetup().savePhysician(f), done, failed);
    }

    public void addAbsence(Absence.Kind kind, long resource, LocalDate from, LocalDate to, String reason, Runnable done,
            Consumer<String> failed) {
        save(() -> services.scheduleSetup().addAbsence(kind, resource, from, to, reason), done, failed);
    }

    public void endAbsence(Absence a) {
        save(() -> {
            services.scheduleSetup().endAbsence(a.id());
            return null;
        }, () -> { }, message::set);
    }

    private void save(Callable<?> work, Runnable done, Consumer<String> failed) {
        executor.run(work, r -> {
            message.set(Messages.get("schedule.setup.saved"));
            done.run();
            load();
        }, e -> failed.accept(ViolationText.of(e, f -> ViolationText.label("schedule.field.", f))));
    }

    public ObjectProperty<ScheduleResources> resourcesProperty() {
        return resources;
    }

    public ObjectProperty<List<Protocol>> protocolsProperty() {
        return protocols;
    }

    public ObjectProperty<List<Device>> devicesProperty() {
        return devices;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
