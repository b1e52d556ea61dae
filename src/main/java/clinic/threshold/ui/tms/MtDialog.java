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
        device.setValue(SessionDialog.startingDevice(state, course, device.getItems()));
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

    void show() {
        form.show();
    }
}
