package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.GapDecision;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The small course forms: extend, decide after a gap, authorization, end the course. */
final class CourseActions {
    private CourseActions() {
    }

    static void extend(Window owner, CourseView c, int step, TmsViewModel vm) {
        FormDialog form = new FormDialog(owner, Messages.get("tms.extend.title"), "tms-extend-ok", 400);
        TextField sessions = new TextField(Integer.toString(step));
        sessions.setId("tms-extend-sessions");
        form.row("tms.field.sessions", sessions);
        form.bottom(FormDialog.note(Messages.get("tms.extend.hint", c.course().plannedSessions(), step), "text-muted"));
        form.onOk((done, failed) -> {
            Integer n = DialogFields.wholeNumber(sessions.getText(), "tms.field.sessions");
            vm.extend(c, n == null ? 0 : n, done, e -> failed.accept(TmsErrors.of(e)));
        });
        form.show();
    }

    static void decide(Window owner, CourseView c, TmsViewModel vm) {
        FormDialog form = new FormDialog(owner, Messages.get("tms.decide.title"), "tms-decide-ok", 460);
        ComboBox<GapDecision> decision = DialogFields.choice(GapDecision.class, false);
        decision.setValue(GapDecision.REDETERMINE_MT);
        decision.setId("tms-decide-choice");
        TextArea note = new TextArea();
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.setId("tms-decide-note");
        form.top(FormDialog.note(Messages.get("tms.decide.hint", c.progress().gapDays()), "text-muted"));
        form.row("tms.field.decision", decision);
        form.row("tms.field.note", note);
        form.onOk((done, failed) -> vm.decide(c, decision.getValue(), note.getText(), done,
                e -> failed.accept(TmsErrors.of(e))));
        form.show();
    }

    static void authorization(Window owner, CourseView c, TmsViewModel vm) {
        Authorization a = c.course().authorization();
        FormDialog form = new FormDialog(owner, Messages.get("tms.auth.title"), "tms-auth-ok", 460);
        TextField payer = new TextField(a.payer());
        TextField number = new TextField(a.number());
        TextField units = new TextField(a.units() == null ? "" : a.units().toString());
        DatePicker first = DialogFields.datePicker(a.first());
        DatePicker last = DialogFields.datePicker(a.last());
        form.row("tms.field.authPayer", payer);
        form.row("tms.field.authNumber", number);
        form.row("tms.field.authUnits", units);
        form.row("tms.field.authFirst", first, "tms.field.authLast", last);
        form.onOk((done, failed) -> vm.setAuthorization(c, new Authorization(payer.getText(), number.getText(),
                DialogFields.wholeNumber(units.getText(), "tms.field.authUnits"),
                DialogFields.date(first, "tms.field.authFirst", false), DialogFields.date(last, "tms.field.authLast", false)),
                done, e -> failed.accept(TmsErrors.of(e))));
        form.show();
    }

    static void end(Window owner, CourseView c, TmsViewModel vm) {
        FormDialog form = new FormDialog(owner, Messages.get("tms.end.title"), "tms-end-ok", 420);
        ComboBox<CourseStatus> status = DialogFields.choice(CourseStatus.class, false);
        status.setItems(FXCollections.observableArrayList(CourseStatus.COMPLETED, CourseStatus.STOPPED));
        status.setValue(c.progress().remaining().isEmpty() ? CourseStatus.COMPLETED : CourseStatus.STOPPED);
        TextField reason = new TextField();
        reason.setId("tms-end-reason");
        form.row("tms.field.status", status);
        form.row("tms.field.reason", reason);
        form.onOk((done, failed) -> vm.endCourse(c, status.getValue(), reason.getText(), done,
                e -> failed.accept(TmsErrors.of(e))));
        form.show();
    }
}
