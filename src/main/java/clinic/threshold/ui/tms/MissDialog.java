package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.SessionStatus;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Records a missed or cancelled session; the rest of the plan moves to the next open days. */
final class MissDialog {
    private final FormDialog form;

    MissDialog(Window owner, CourseView course, LocalDate today, TmsViewModel vm) {
        form = new FormDialog(owner, Messages.get("tms.miss.title"), "tms-miss-ok", 420);
        DatePicker date = DialogFields.datePicker(course.progress().next() != null
                && !course.progress().next().date().isAfter(today) ? course.progress().next().date() : today);
        date.setId("tms-miss-date");
        ComboBox<SessionStatus> status = DialogFields.choice(SessionStatus.class, false);
        status.setItems(FXCollections.observableArrayList(SessionStatus.MISSED, SessionStatus.CANCELLED));
        status.setValue(SessionStatus.MISSED);
        status.setId("tms-miss-status");
        TextField reason = new TextField();
        reason.setId("tms-miss-reason");
        reason.setPromptText(Messages.get("tms.miss.reasonPrompt"));
        form.row("tms.field.date", date);
        form.row("tms.field.status", status);
        form.row("tms.field.reason", reason);
        form.bottom(FormDialog.note(Messages.get("tms.miss.hint"), "text-muted"));
        form.onOk((done, failed) -> vm.recordMiss(course, status.getValue(), DialogFields.date(date, "tms.field.date", true),
                reason.getText(), done, e -> failed.accept(TmsErrors.of(e))));
    }

    void show() {
        form.show();
    }
}
