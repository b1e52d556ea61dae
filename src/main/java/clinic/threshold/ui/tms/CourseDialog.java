package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.Authorization;
import clinic.threshold.domain.tms.CoursePreview;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseType;
import clinic.threshold.domain.tms.PlannedSession;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SessionPhase;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Starts a course: protocol, type, start, indication, sessions (the protocol's standard course by default) and
 * the authorization; below, the plan it would get on the clinic's calendar and any warning (sessions outside
 * the authorization, a retreatment without the prior response payers ask for), refreshed as fields change.
 */
final class CourseDialog {
    private final FormDialog form;
    private final TmsViewModel vm;
    private final ComboBox<Protocol> protocol = new ComboBox<>();
    private final ComboBox<CourseType> type = DialogFields.choice(CourseType.class, false);
    private final DatePicker start;
    private final TextField indication = new TextField();
    private final TextField sessions = new TextField();
    private final TextField payer = new TextField();
    private final TextField number = new TextField();
    private final TextField units = new TextField();
    private final DatePicker first = DialogFields.datePicker(null);
    private final DatePicker last = DialogFields.datePicker(null);
    private final Label plan = FormDialog.note("", "text-muted");
    private final Label warnings = FormDialog.note("", "warning");
    private int previews;

    CourseDialog(Window owner, TmsViewModel.State state, LocalDate today, TmsViewModel vm) {
        this.vm = vm;
        form = new FormDialog(owner, Messages.get("tms.course.title"), "tms-course-ok", 560);
        List<Protocol> active = state.reference().protocols().stream().filter(Protocol::active).toList();
        protocol.setItems(FXCollections.observableArrayList(active));
        protocol.setConverter(new StringConverter<>() {
            @Override
            public String toString(Protocol p) {
                return p == null ? "" : p.name() + " (" + p.code() + ")" + (p.offLabel() ? " \u00b7 "
                        + Messages.get("tms.flag.offLabel") : "");
            }

            @Override
            public Protocol fromString(String s) {
                return null;
            }
        });
        protocol.setId("tms-course-protocol");
        start = DialogFields.datePicker(state.reference().calendar().nextOpen(today));
        start.setId("tms-course-start");
        type.setValue(state.overview().courses().isEmpty() ? CourseType.INITIAL : CourseType.RETREATMENT);
        indication.setId("tms-course-indication");
        indication.setText(Messages.get("tms.course.defaultIndication"));
        sessions.setId("tms-course-sessions");
        plan.setId("tms-course-plan");
        form.row("tms.field.protocol", protocol);
        form.row("tms.field.type", type, "tms.field.start", start);
        form.row("tms.field.indication", indication);
        form.row("tms.field.sessions", sessions);
        form.line(FormDialog.heading("tms.course.authorization"));
        form.row("tms.field.authPayer", payer, "tms.field.authNumber", number);
        form.row("tms.field.authUnits", units);
        form.row("tms.field.authFirst", first, "tms.field.authLast", last);
        form.bottom(plan);
        form.bottom(warnings);
        protocol.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                sessions.setText(Integer.toString(b.template().standardSessions()));
            }
            refresh();
        });
        for (var p : List.of(sessions.textProperty(), units.textProperty(), indication.textProperty())) {
            p.addListener((o, a, b) -> refresh());
        }
        type.valueProperty().addListener((o, a, b) -> refresh());
        start.valueProperty().addListener((o, a, b) -> refresh());
        first.valueProperty().addListener((o, a, b) -> refresh());
        last.valueProperty().addListener((o, a, b) -> refresh());
        protocol.setValue(active.stream().filter(p -> p.code().equals("TENHZ")).findFirst()
                .orElse(active.isEmpty() ? null : active.get(0)));
        form.onOk((done, failed) -> vm.startCourse(request(), done, e -> failed.accept(TmsErrors.of(e))));
    }

    private CourseRequest request() throws DialogFields.InputException {
        Integer n = DialogFields.wholeNumber(sessions.getText(), "tms.field.sessions");
        return new CourseRequest(protocol.getValue() == null ? null : protocol.getValue().code(), type.getValue(),
                DialogFields.date(start, "tms.field.start", true), indication.getText(), n == null ? 0 : n,
                new Authorization(payer.getText(), number.getText(),
                        DialogFields.wholeNumber(units.getText(), "tms.field.authUnits"),
                        DialogFields.date(first, "tms.field.authFirst", false),
                        DialogFields.date(last, "tms.field.authLast", false)));
    }

    /** Asks for the plan again; only the newest answer is shown. */
    private void refresh() {
        CourseRequest r;
        try {
            r = request();
        } catch (DialogFields.InputException e) {
            plan.setText(e.getMessage());
            warnings.setText("");
            return;
        }
        int mine = ++previews;
        vm.preview(r, p -> {
            if (mine == previews) {
                show(p);
            }
        }, e -> {
            if (mine == previews) {
                plan.setText(TmsErrors.of(e));
                warnings.setText("");
            }
        });
    }

    private void show(CoursePreview p) {
        List<PlannedSession> s = p.plan();
        if (s.isEmpty()) {
            plan.setText("");
        } else {
            plan.setText(Messages.get("tms.course.planSummary", s.size(), Formats.date(s.get(0).date()),
                    Formats.date(s.get(s.size() - 1).date()), count(s, SessionPhase.ACUTE), count(s, SessionPhase.EXTENSION),
                    count(s, SessionPhase.TAPER)));
        }
        warnings.setText(p.warnings().stream().map(w -> Messages.get(w.messageKey(), w.args().toArray()))
                .collect(Collectors.joining("\n")));
    }

    private static long count(List<PlannedSession> s, SessionPhase phase) {
        return s.stream().filter(x -> x.phase() == phase).count();
    }

    void show() {
        form.show();
    }
}
