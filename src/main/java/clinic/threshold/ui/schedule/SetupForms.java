package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.Physician;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.schedule.ScheduleSetupService;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.FormDialog;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;

/** The set-up forms: a chair, a technician, a supervising physician, the clinic's hours, an absence. */
final class SetupForms {
    private final ScheduleSetupViewModel vm;

    SetupForms(ScheduleSetupViewModel vm) {
        this.vm = vm;
    }

    void hours(Window owner) {
        FormDialog f = new FormDialog(owner, Messages.get("schedule.setup.hoursTitle"), "hours-ok", 420);
        TextArea text = hoursArea("hours-text", HoursText.format(vm.resourcesProperty().get().clinicHours()));
        f.line(FormDialog.note(Messages.get("schedule.hours.hint"), "text-muted"));
        f.row("schedule.field.hours", text);
        f.onOk((done, error) -> vm.saveHours(HoursText.parse(text.getText()), done, error));
        f.show();
    }

    void chair(Window owner, Chair c) {
        ScheduleResources r = vm.resourcesProperty().get();
        FormDialog f = new FormDialog(owner, Messages.get(c == null ? "schedule.setup.newChair" : "schedule.setup.editChair"),
                "chair-ok", 520);
        TextField name = field("chair-name", c == null ? "" : c.name());
        ComboBox<Device> device = new ComboBox<>();
        device.setId("chair-device");
        device.getItems().setAll(vm.devicesProperty().get());
        device.setCellFactory(l -> new ScheduleView.NamedCell<>(Device::name));
        device.setButtonCell(new ScheduleView.NamedCell<>(Device::name));
        device.setValue(device.getItems().stream().filter(d -> c != null && d.code().equals(c.deviceCode())).findFirst()
                .orElse(device.getItems().isEmpty() ? null : device.getItems().get(0)));
        TextField coil = field("chair-coil", c == null ? (device.getValue() == null ? "" : device.getValue().coil()) : c.coil());
        FlowPane protocols = checks(vm.protocolsProperty().get(), Protocol::code, Protocol::name,
                c == null ? Set.of() : c.protocols(), "chair-protocol-");
        TextArea hours = hoursArea("chair-hours", c == null ? "" : HoursText.format(c.hours()));
        CheckBox active = new CheckBox(Messages.get("schedule.setup.inService"));
        active.setSelected(c == null || c.active());
        f.row("schedule.field.name", name);
        f.row("schedule.field.device", device, "schedule.field.coil", coil);
        f.row("schedule.field.protocols", protocols);
        f.line(FormDialog.note(Messages.get("schedule.setup.ownHoursHint"), "text-muted"));
        f.row("schedule.field.hours", hours);
        f.row("schedule.setup.status", active);
        f.onOk((done, error) -> vm.saveChair(new ScheduleSetupService.ChairForm(c == null ? 0 : c.id(),
                c == null ? 0 : r.version("chair", c.id()), name.getText(), device.getValue() == null ? null : device.getValue().code(),
                coil.getText(), selected(protocols), hours.getText().isBlank() ? null : HoursText.parse(hours.getText()),
                active.isSelected()), done, error));
        f.show();
    }

    void technician(Window owner, Technician t) {
        ScheduleResources r = vm.resourcesProperty().get();
        FormDialog f = new FormDialog(owner, Messages.get(t == null ? "schedule.setup.newTech" : "schedule.setup.editTech"),
                "tech-ok", 560);
        TextField name = field("tech-name", t == null ? "" : t.name());
        TextField user = field("tech-user", t == null || t.username() == null ? "" : t.username());
        TextField max = field("tech-max", Integer.toString(t == null ? 1 : t.maxConcurrentChairs()));
        FlowPane chairs = checks(r.chairs(), c -> Long.toString(c.id()), Chair::name,
                t == null ? Set.of() : t.chairs().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()), "tech-chair-");
        FlowPane protocols = checks(vm.protocolsProperty().get(), Protocol::code, Protocol::name,
                t == null ? Set.of() : t.protocols(), "tech-protocol-");
        TextArea hours = hoursArea("tech-hours", t == null ? "Mon-Fri 08:00-16:00" : HoursText.format(t.hours()));
        CheckBox active = new CheckBox(Messages.get("schedule.setup.activeStaff"));
        active.setSelected(t == null || t.active());
        f.row("schedule.field.name", name, "schedule.field.username", user);
        f.row("schedule.field.maxChairs", max);
        f.row("schedule.field.chairs", chairs);
        f.row("schedule.field.protocols", protocols);
        f.row("schedule.field.hours", hours);
        f.row("schedule.setup.status", active);
        f.onOk((done, error) -> {
            Integer n = DialogFields.wholeNumber(max.getText(), "schedule.field.maxChairs");
            vm.saveTechnician(new ScheduleSetupService.TechnicianForm(t == null ? 0 : t.id(),
                    t == null ? 0 : r.version("technician", t.id()), name.getText(), user.getText(), n == null ? 0 : n,
                    selected(chairs).stream().map(Long::valueOf).collect(java.util.stream.Collectors.toSet()), selected(protocols),
                    HoursText.parse(hours.getText()), active.isSelected()), done, error);
        });
        f.show();
    }

    void physician(Window owner, Physician p) {
        ScheduleResources r = vm.resourcesProperty().get();
        FormDialog f = new FormDialog(owner, Messages.get(p == null ? "schedule.setup.newDoctor" : "schedule.setup.editDoctor"),
                "doctor-ok", 480);
        TextField name = field("doctor-name", p == null ? "" : p.name());
        TextField user = field("doctor-user", p == null || p.username() == null ? "" : p.username());
        TextArea hours = hoursArea("doctor-hours", p == null ? "Mon-Fri 08:00-17:00" : HoursText.format(p.hours()));
        CheckBox active = new CheckBox(Messages.get("schedule.setup.activeStaff"));
        active.setSelected(p == null || p.active());
        f.row("schedule.field.name", name, "schedule.field.username", user);
        f.line(FormDialog.note(Messages.get("schedule.setup.onSiteHint"), "text-muted"));
        f.row("schedule.field.hours", hours);
        f.row("schedule.setup.status", active);
        f.onOk((done, error) -> vm.savePhysician(new ScheduleSetupService.PhysicianForm(p == null ? 0 : p.id(),
                p == null ? 0 : r.version("physician", p.id()), name.getText(), user.getText(), HoursText.parse(hours.getText()),
                active.isSelected()), done, error));
        f.show();
    }

    void absence(Window owner) {
        ScheduleResources r = vm.resourcesProperty().get();
        record Choice(Absence.Kind kind, long id, String name) {
        }
        FormDialog f = new FormDialog(owner, Messages.get("schedule.setup.newAbsence"), "absence-ok", 480);
        ComboBox<Choice> who = new ComboBox<>();
        who.setId("absence-who");
        r.chairs().forEach(c -> who.getItems().add(new Choice(Absence.Kind.CHAIR, c.id(), c.name())));
        r.technicians().forEach(t -> who.getItems().add(new Choice(Absence.Kind.TECHNICIAN, t.id(), t.name())));
        who.setCellFactory(l -> new ScheduleView.NamedCell<>(Choice::name));
        who.setButtonCell(new ScheduleView.NamedCell<>(Choice::name));
        var from = DialogFields.datePicker(null);
        var to = DialogFields.datePicker(null);
        TextField reason = field("absence-reason", "");
        f.row("schedule.field.resource", who);
        f.row("schedule.field.from", from, "schedule.field.to", to);
        f.row("schedule.field.reason", reason);
        f.line(FormDialog.note(Messages.get("schedule.setup.absenceHint"), "text-muted"));
        f.onOk((done, error) -> {
            if (who.getValue() == null) {
                throw new DialogFields.InputException(Messages.get("schedule.setup.chooseWho"));
            }
            vm.addAbsence(who.getValue().kind(), who.getValue().id(), DialogFields.date(from, "schedule.field.from", true),
                    DialogFields.date(to, "schedule.field.to", true), reason.getText(), done, error);
        });
        f.show();
    }

    private static <T> FlowPane checks(List<T> items, Function<T, String> key, Function<T, String> label, Set<String> chosen,
            String idPrefix) {
        FlowPane p = new FlowPane(10, 6);
        p.setPrefWrapLength(380);
        for (T item : items) {
            CheckBox b = new CheckBox(label.apply(item));
            b.setUserData(key.apply(item));
            b.setId(idPrefix + key.apply(item));
            b.setSelected(chosen.contains(key.apply(item)));
            p.getChildren().add(b);
        }
        return p;
    }

    private static Set<String> selected(FlowPane p) {
        Set<String> out = new LinkedHashSet<>();
        p.getChildren().stream().map(n -> (CheckBox) n).filter(CheckBox::isSelected).forEach(b -> out.add((String) b.getUserData()));
        return out;
    }

    private static TextField field(String id, String value) {
        TextField t = new TextField(value);
        t.setId(id);
        return t;
    }

    private static TextArea hoursArea(String id, String value) {
        TextArea t = new TextArea(value);
        t.setId(id);
        t.setPrefRowCount(5);
        t.setPromptText("Mon-Fri 07:00-19:00");
        return t;
    }
}
