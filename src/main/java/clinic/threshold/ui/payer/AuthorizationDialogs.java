package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthKind;
import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.LetterTemplate;
import clinic.threshold.domain.payer.Placeholders;
import clinic.threshold.domain.payer.StatusChange;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.payer.AuthorizationService;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.FormDialog;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The forms for a new request, a change of status, and the letter templates. */
final class AuthorizationDialogs {
    private final AuthorizationActions actions;

    AuthorizationDialogs(AuthorizationActions actions) {
        this.actions = actions;
    }

    /** A new request of {@code kind}, filled with what the chart suggests. */
    void newRequest(Window owner, long patientId, AuthKind kind, Runnable saved, java.util.function.Consumer<String> failed) {
        actions.choices(patientId, kind, c -> {
            FormDialog f = new FormDialog(owner, Messages.get("auth.new.title." + kind.name()), "auth-new-ok", 520);
            f.line(FormDialog.note(Messages.get("auth.new.intro"), "text-muted"));
            ComboBox<Protocol> protocol = new ComboBox<>();
            protocol.setId("auth-protocol");
            protocol.getItems().setAll(c.protocols());
            protocol.setConverter(names(Protocol::name));
            c.protocols().stream().filter(p -> p.code().equals(c.suggested().protocolCode())).findFirst().ifPresent(protocol::setValue);
            f.row("auth.field.protocol", protocol);
            TextField sessions = new TextField(c.suggested().sessions() == null ? "" : c.suggested().sessions().toString());
            sessions.setId("auth-sessions");
            f.row("auth.field.sessions", sessions);
            ComboBox<AuthorizationService.Clinician> clinician = new ComboBox<>();
            clinician.setId("auth-clinician");
            clinician.getItems().setAll(c.clinicians());
            clinician.setConverter(names(AuthorizationService.Clinician::displayName));
            c.clinicians().stream().filter(x -> x.username().equals(c.suggested().clinician())).findFirst().ifPresent(clinician::setValue);
            f.row("auth.field.clinician", clinician);
            TextArea note = new TextArea();
            note.setPrefRowCount(3);
            note.setWrapText(true);
            f.row("auth.field.note", note);
            f.onOk((done, error) -> actions.create(patientId, new AuthorizationService.Draft(kind, c.suggested().courseId(),
                    protocol.getValue() == null ? null : protocol.getValue().code(),
                    DialogFields.wholeNumber(sessions.getText(), "auth.field.sessions"),
                    clinician.getValue() == null ? null : clinician.getValue().username(), note.getText()), () -> {
                        done.run();
                        saved.run();
                    }, error));
            f.show();
        }, failed);
    }

    /** Edits what a request asks for and what was sent with it: protocol, sessions, clinician, documents, note. */
    void editRequest(Window owner, AuthorizationRow row, Runnable saved, java.util.function.Consumer<String> failed) {
        var a = row.request();
        actions.choices(a.patientId(), a.kind(), c -> {
            FormDialog f = new FormDialog(owner, Messages.get("auth.edit.title", a.patientName(), Messages.label(a.kind())),
                    "auth-edit-ok", 520);
            // Linking the course it covers: a request drafted in intake, approved before the course was started.
            ComboBox<clinic.threshold.ui.common.Choice<Long>> course = new ComboBox<>();
            course.setId("auth-edit-course");
            course.getItems().add(new clinic.threshold.ui.common.Choice<>(null, Messages.get("auth.noCourse")));
            c.courses().forEach(x -> course.getItems().add(new clinic.threshold.ui.common.Choice<>(x.id(), x.label())));
            course.setValue(course.getItems().stream().filter(x -> java.util.Objects.equals(x.value(), a.courseId())).findFirst()
                    .orElse(course.getItems().get(0)));
            f.row("auth.field.courseLink", course);
            ComboBox<Protocol> protocol = new ComboBox<>();
            protocol.getItems().setAll(c.protocols());
            protocol.setConverter(names(Protocol::name));
            c.protocols().stream().filter(p -> p.code().equals(a.protocolCode())).findFirst().ifPresent(protocol::setValue);
            f.row("auth.field.protocol", protocol);
            TextField sessions = new TextField(a.requestedSessions() == null ? "" : a.requestedSessions().toString());
            f.row("auth.field.sessions", sessions);
            ComboBox<AuthorizationService.Clinician> clinician = new ComboBox<>();
            clinician.setId("auth-edit-clinician");
            clinician.getItems().setAll(c.clinicians());
            clinician.setConverter(names(AuthorizationService.Clinician::displayName));
            c.clinicians().stream().filter(x -> x.username().equals(a.clinician())).findFirst().ifPresent(clinician::setValue);
            f.row("auth.field.clinician", clinician);
            TextArea documents = new TextArea(a.documentsSent() == null ? "" : a.documentsSent());
            documents.setPrefRowCount(2);
            documents.setWrapText(true);
            f.row("auth.field.documentsSent", documents);
            TextArea note = new TextArea(a.note() == null ? "" : a.note());
            note.setPrefRowCount(3);
            note.setWrapText(true);
            f.row("auth.field.note", note);
            f.onOk((done, error) -> actions.update(a.patientId(), a.id(), a.version(), new AuthorizationService.Draft(a.kind(),
                    course.getValue().value(), protocol.getValue() == null ? null : protocol.getValue().code(),
                    DialogFields.wholeNumber(sessions.getText(), "auth.field.sessions"),
                    clinician.getValue() == null ? null : clinician.getValue().username(), note.getText()), documents.getText(), () -> {
                        done.run();
                        saved.run();
                    }, error));
            f.show();
        }, failed);
    }

    /** Moves a request on: only the moves its status allows, with the fields the chosen move needs. */
    void changeStatus(Window owner, AuthorizationRow row, LocalDate today, Runnable saved) {
        var a = row.request();
        FormDialog f = new FormDialog(owner, Messages.get("auth.status.title", a.patientName(), Messages.label(a.kind())), "auth-status-ok",
                520);
        f.line(FormDialog.note(Messages.get("auth.status.now", Messages.label(a.status())), "text-muted"));
        ComboBox<AuthStatus> to = new ComboBox<>();
        to.setId("auth-to");
        to.getItems().setAll(a.status().next());
        to.setConverter(names(Messages::label));
        if (!to.getItems().isEmpty()) {
            to.setValue(to.getItems().get(0));
        }
        f.row("auth.field.to", to);
        DatePicker on = DialogFields.datePicker(today);
        on.setId("auth-on");
        f.row("auth.field.on", on);
        TextField number = new TextField();
        number.setId("auth-number");
        TextField units = new TextField(a.requestedSessions() == null ? "" : a.requestedSessions().toString());
        units.setId("auth-units");
        f.row("auth.field.number", number, "auth.field.units", units);
        DatePicker first = DialogFields.datePicker(null);
        DatePicker last = DialogFields.datePicker(null);
        f.row("auth.field.first", first, "auth.field.last", last);
        TextArea reason = new TextArea();
        reason.setId("auth-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label reasonLabel = f.row("auth.field.reason", reason);
        Runnable shape = () -> {
            boolean approve = to.getValue() == AuthStatus.APPROVED;
            for (var n : List.of(number, units, first, last)) {
                n.setDisable(!approve);
            }
            boolean why = to.getValue() == AuthStatus.DENIED || to.getValue() == AuthStatus.PENDING_INFO || to.getValue() == AuthStatus.APPEAL;
            reasonLabel.setText(Messages.get(why ? "auth.field.reason." + to.getValue().name() : "auth.field.reason"));
        };
        to.valueProperty().addListener((o, x, y) -> shape.run());
        shape.run();
        f.onOk((done, error) -> {
            boolean approve = to.getValue() == AuthStatus.APPROVED;
            StatusChange c = new StatusChange(to.getValue(), DialogFields.date(on, "auth.field.on", true),
                    approve ? number.getText() : null, approve ? DialogFields.wholeNumber(units.getText(), "auth.field.units") : null,
                    approve ? DialogFields.date(first, "auth.field.first", false) : null,
                    approve ? DialogFields.date(last, "auth.field.last", false) : null, reason.getText(), null);
            actions.changeStatus(a.patientId(), a.id(), a.version(), c, () -> {
                done.run();
                saved.run();
            }, error);
        });
        f.show();
    }

    /** The letter templates: pick a kind, edit its newest version, save a new one (checked before it is stored). */
    void templates(Window owner, java.util.function.Consumer<String> failed) {
        actions.templates(list -> {
            FormDialog f = new FormDialog(owner, Messages.get("letter.templates.title"), "template-ok", 720);
            ComboBox<AuthKind> kind = new ComboBox<>();
            kind.setId("template-kind");
            kind.getItems().setAll(AuthKind.values());
            kind.setConverter(names(k -> Messages.get("letter.kind." + k.name())));
            f.row("letter.field.kind", kind);
            TextField title = new TextField();
            title.setId("template-title");
            f.row("letter.field.title", title);
            TextArea body = new TextArea();
            body.setId("template-body");
            body.setPrefRowCount(18);
            body.setWrapText(true);
            f.row("letter.field.body", body);
            Label help = FormDialog.note("", "text-muted");
            f.line(help);
            kind.valueProperty().addListener((o, x, k) -> {
                LetterTemplate t = list.stream().filter(y -> y.kind() == k).findFirst().orElse(null);
                title.setText(t == null ? "" : t.title());
                body.setText(t == null ? "" : t.body());
                help.setText(Messages.get("letter.templates.help", t == null ? 0 : t.version(),
                        String.join(", ", Placeholders.allowed(k).stream().sorted().map(p -> "{" + p + "}").toList())));
            });
            kind.setValue(AuthKind.INITIAL);
            f.onOk((done, error) -> actions.saveTemplate(kind.getValue(), title.getText(), body.getText(), done, error));
            f.show();
        }, failed);
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : Objects.toString(name.apply(t), "");
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
