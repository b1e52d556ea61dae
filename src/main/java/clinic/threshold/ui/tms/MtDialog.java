package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Records a motor threshold measured outside a treatment session (mapping or an MT-only visit). */
final class MtDialog {
    private final FormDialog form;

    MtDialog(Window owner, TmsViewModel.State state, CourseView course, LocalDate today, TmsViewModel vm) {
        form = new FormDialog(owner, Messages.get("tms.mt.dialog"), "tms-mt-ok", 420);
        DatePicker date = DialogFields.datePicker(today);
        TextField pct = new TextField();
        pct.setId("tms-mt-pct");
        pct.setPromptText(Messages.get("tms.mt.pctPrompt"));
        ComboBox<MtMethod> method = DialogFields.choice(MtMethod.class, false);
        method.setValue(MtMethod.EMG);
        // The stimulator, not only its coil type: another machine with the same coil makes the threshold due again.
        ComboBox<Device> device = new ComboBox<>(FXCollections.observableArrayList(state.reference().devices().stream()
                .filter(Device::active).toList()));
        device.setId("tms-mt-device");
        device.setConverter(TmsText.devices());
        device.setValue(defaultDevice(state, course, device.getItems()));
        TextField reason = new TextField(course == null ? Messages.get("tms.mt.reasonMapping") : "");
        reason.setId("tms-mt-reason");
        form.row("tms.field.date", date);
        form.row("tms.field.mt", pct);
        form.row("tms.field.mtMethod", method);
        form.row("tms.field.device", device);
        form.row("tms.field.reason", reason);
        form.bottom(FormDialog.note(Messages.get("tms.mt.hint"), "text-muted"));
        form.onOk((done, failed) -> {
            Integer value = DialogFields.wholeNumber(pct.getText(), "tms.field.mt");
            vm.recordMt(course == null ? null : course.course().id(), DialogFields.date(date, "tms.field.date", true),
                    value == null ? 0 : value, method.getValue(), device.getValue() == null ? null : device.getValue().code(),
                    reason.getText(), done,
                    e -> failed.accept(TmsErrors.of(e)));
        });
    }

    /**
     * As the session form picks it: the stimulator of the patient's latest threshold when it belongs to this course
     * and was measured on or after the last session (a visit on a new machine), else the last session's, else one of
     * a chair set up for its protocol, else the first listed; a retired machine is passed over.
     */
    static Device defaultDevice(TmsViewModel.State state, CourseView course, java.util.List<Device> active) {
        if (course != null) {
            var last = course.progress().previousDelivered();
            var mts = state.overview().motorThresholds();
            var latest = mts.isEmpty() ? null : mts.get(mts.size() - 1);
            java.util.List<String> wanted = new java.util.ArrayList<>();
            if (latest != null && latest.deviceCode() != null && java.util.Objects.equals(latest.courseId(), course.course().id())
                    && (last == null || !latest.measuredOn().isBefore(last.date()))) {
                wanted.add(latest.deviceCode());
            }
            if (last != null) {
                wanted.add(last.entry().deviceCode());
            }
            for (String code : wanted) {
                for (Device d : active) {
                    if (d.code().equals(code)) {
                        return d;
                    }
                }
            }
        }
        return SessionDialog.firstDevice(active, course == null ? null
                : state.protocolDevices().get(course.course().protocolCode()));
    }

    void show() {
        form.show();
    }
}
