package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.tms.AdverseEvent;
import clinic.threshold.domain.tms.AdverseEventType;
import clinic.threshold.domain.tms.CourseView;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.EventSeverity;
import clinic.threshold.domain.tms.LocationMethod;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtDueReason;
import clinic.threshold.domain.tms.MtMethod;
import clinic.threshold.domain.tms.MtReading;
import clinic.threshold.domain.tms.PreSessionCheck;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.Formats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Records and signs a session. Everything that usually stays the same (chair, device, physician, intensity,
 * location and head measurements) comes from the previous session, and the pulses from the course (pulses
 * planned otherwise need a reason), so a routine session is the
 * pre-session check, pulses delivered, pain and OK. When the motor threshold is due the box to measure it is
 * ticked and the reason filled in; the output in % of machine output is shown as the fields change.
 */
final class SessionDialog {
    private final FormDialog form;
    private final DatePicker date;
    private final TextField start = new TextField();
    private final TextField chair = new TextField();
    private final ComboBox<Device> device = new ComboBox<>();
    private final TextField technician = new TextField();
    private final TextField physician = new TextField();
    private final CheckBox mtToday = new CheckBox(Messages.get("tms.session.mtToday"));
    private final TextField mtPct = new TextField();
    private final ComboBox<MtMethod> mtMethod = DialogFields.choice(MtMethod.class, false);
    private final TextField mtReason = new TextField();
    private final TextField pctMt = new TextField();
    private final Label output = new Label();
    private final TextField pulsesPlanned = new TextField();
    private final TextField pulsesDelivered = new TextField();
    private final TextField pulsesReason = new TextField();
    private final TextField trainsPlanned = new TextField();
    private final TextField trainsDelivered = new TextField();
    private final ComboBox<LocationMethod> location = DialogFields.choice(LocationMethod.class, false);
    private final TextField nasionInion = new TextField();
    private final TextField tragusTragus = new TextField();
    private final TextField circumference = new TextField();
    private final TextField coordinates = new TextField();
    private final TextField interruptions = new TextField("0");
    private final TextField interruptionReason = new TextField();
    private final TextField pain = new TextField();
    private final TextField sleep = new TextField();
    private final CheckBox alcohol = new CheckBox(Messages.get("tms.check.alcohol"));
    private final CheckBox medChange = new CheckBox(Messages.get("tms.check.medication"));
    private final CheckBox metal = new CheckBox(Messages.get("tms.check.metal"));
    private final CheckBox pregnancy = new CheckBox(Messages.get("tms.check.pregnancy"));
    private final VBox events = new VBox(4);
    private final List<EventRow> eventRows = new ArrayList<>();
    private final TextArea notes = new TextArea();
    private final MotorThreshold latestMt;

    private record EventRow(ComboBox<AdverseEventType> type, ComboBox<EventSeverity> severity, TextField action) {
    }

    SessionDialog(Window owner, TmsViewModel.State state, CourseView c, LocalDate today, TmsViewModel vm,
            Consumer<SessionResult> after) {
        form = new FormDialog(owner, Messages.get("tms.session.title") + ": " + c.protocol().name(), "tms-session-ok", 820);
        List<MotorThreshold> mts = state.overview().motorThresholds();
        latestMt = mts.isEmpty() ? null : mts.get(mts.size() - 1);
        date = DialogFields.datePicker(today);
        date.setId("tms-session-date");
        ids();
        device.setItems(FXCollections.observableArrayList(state.reference().devices().stream().filter(Device::active).toList()));
        device.setConverter(TmsText.devices());
        mtMethod.setValue(MtMethod.EMG);
        prefill(c, state, vm.userName());
        layout(c);
        form.onOk((done, failed) -> vm.recordSession(c, entry(), r -> {
            done.run();
            after.accept(r);
        }, e -> failed.accept(TmsErrors.of(e))));
    }

    private void ids() {
        start.setId("tms-session-start");
        chair.setId("tms-session-chair");
        device.setId("tms-session-device");
        technician.setId("tms-session-technician");
        physician.setId("tms-session-physician");
        mtToday.setId("tms-session-mt-today");
        mtPct.setId("tms-session-mt");
        mtReason.setId("tms-session-mt-reason");
        pctMt.setId("tms-session-pct");
        output.setId("tms-session-output");
        pulsesPlanned.setId("tms-session-pulses-planned");
        pulsesDelivered.setId("tms-session-pulses");
        pulsesReason.setId("tms-session-pulses-reason");
        location.setId("tms-session-location");
        pain.setId("tms-session-pain");
        sleep.setId("tms-session-sleep");
        metal.setId("tms-session-metal");
        notes.setId("tms-session-notes");
    }

    /** The previous session's parameters, or the course's and the protocol's for the first; pulses always the course's. */
    private void prefill(CourseView c, TmsViewModel.State state, String user) {
        SavedSession prev = c.progress().previousDelivered();
        technician.setText(user);
        pctMt.setText(Integer.toString(c.course().pctMt()));
        pulsesPlanned.setText(Integer.toString(c.course().pulses()));
        pulsesDelivered.setText(Integer.toString(c.course().pulses()));
        trainsPlanned.setText(Integer.toString(c.course().terms().trains()));
        trainsDelivered.setText(Integer.toString(c.course().terms().trains()));
        location.setValue(LocationMethod.BEAM_F3);
        device.setValue(startingDevice(state, c, device.getItems()));
        if (prev != null) {
            SessionEntry e = prev.entry();
            start.setText(e.start() == null ? "" : e.start().toString());
            chair.setText(e.chair() == null ? "" : e.chair());
            physician.setText(e.physician());
            pctMt.setText(Integer.toString(e.pctMt()));
            // Pulses stay the course's: a session planned otherwise (shortened, say) needs its own reason.
            if (e.trainsPlanned() != null) {
                trainsPlanned.setText(e.trainsPlanned().toString());
                trainsDelivered.setText(e.trainsPlanned().toString());
            }
            location.setValue(e.location());
            nasionInion.setText(Formats.number(e.nasionInionCm()));
            tragusTragus.setText(Formats.number(e.tragusTragusCm()));
            circumference.setText(Formats.number(e.circumferenceCm()));
            coordinates.setText(e.coordinates() == null ? "" : e.coordinates());
        }
        List<MtDueReason> due = c.mtDue();
        if (latestMt == null || !due.isEmpty()) {
            mtToday.setSelected(true);
            mtReason.setText(latestMt == null ? Messages.get("tms.session.mtFirst") : TmsText.reasons(due));
        }
    }

    /**
     * The stimulator a session or threshold form starts on: the stimulator of the patient's latest threshold when it belongs to this course
     * and was measured on or after the last session (a visit on a new machine), else the last session's, else one of
     * a chair set up for its protocol, else the first listed; a retired machine is passed over.
     */
    static Device startingDevice(TmsViewModel.State state, CourseView course, java.util.List<Device> active) {
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

    /**
     * The device a first session starts from: one of a chair set up for the course's protocol (an H1 course does
     * not start on a Figure-8 stimulator); when no chair lists the protocol, the first active device.
     */
    static Device firstDevice(List<Device> active, java.util.Set<String> forProtocol) {
        if (forProtocol != null) {
            for (Device d : active) {
                if (forProtocol.contains(d.code())) {
                    return d;
                }
            }
        }
        return active.isEmpty() ? null : active.get(0);
    }

    private void layout(CourseView c) {
        if (!c.mtDue().isEmpty()) {
            Label due = FormDialog.note(Messages.get("tms.flag.mtDue", TmsText.reasons(c.mtDue())), "warning");
            due.setId("tms-session-mt-due");
            form.top(due);
        }
        if (c.progress().next() != null) {
            form.top(FormDialog.note(Messages.get("tms.session.next", c.progress().next().number(),
                    Messages.label(c.progress().next().phase()), Formats.date(c.progress().next().date())), "text-muted"));
        }
        form.row("tms.field.date", date, "tms.field.start", start);
        form.row("tms.field.chair", chair, "tms.field.device", device);
        form.row("tms.field.technician", technician, "tms.field.physician", physician);
        form.line(FormDialog.heading("tms.session.checkTitle"));
        form.row("tms.field.sleep", sleep, "tms.field.checks", new VBox(4, alcohol, medChange, metal, pregnancy));
        form.line(FormDialog.heading("tms.session.mtTitle"));
        form.line(new HBox(10, mtToday, new Label(latestMt == null ? Messages.get("tms.session.noMt")
                : Messages.get("tms.session.latestMt", latestMt.outputPct(), Messages.label(latestMt.method()),
                        Formats.date(latestMt.measuredOn())))));
        form.row("tms.field.mt", mtPct, "tms.field.mtMethod", mtMethod);
        form.row("tms.field.mtReason", mtReason);
        for (var n : List.of(mtPct, mtMethod, mtReason)) {
            n.disableProperty().bind(mtToday.selectedProperty().not());
        }
        form.line(FormDialog.heading("tms.session.doseTitle"));
        form.row("tms.field.pctMt", pctMt, "tms.field.output", output);
        form.row("tms.field.pulsesPlanned", pulsesPlanned, "tms.field.pulsesDelivered", pulsesDelivered);
        form.row("tms.field.trainsPlanned", trainsPlanned, "tms.field.trainsDelivered", trainsDelivered);
        form.row("tms.field.pulsesReason", pulsesReason);
        form.row("tms.field.interruptions", interruptions, "tms.field.interruptionReason", interruptionReason);
        form.line(FormDialog.heading("tms.session.locationTitle"));
        form.row("tms.field.location", location, "tms.field.coordinates", coordinates);
        form.row("tms.field.nasionInion", nasionInion, "tms.field.tragusTragus", tragusTragus);
        form.row("tms.field.circumference", circumference);
        form.line(FormDialog.heading("tms.session.afterTitle"));
        form.row("tms.field.pain", pain);
        Button add = new Button(Messages.get("tms.session.addEvent"));
        add.setId("tms-session-add-event");
        add.setOnAction(e -> addEvent());
        form.line(new VBox(4, events, add));
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        form.row("tms.field.notes", notes);
        for (var p : List.of(mtPct.textProperty(), pctMt.textProperty())) {
            p.addListener((o, a, b) -> showOutput());
        }
        mtToday.selectedProperty().addListener((o, a, b) -> showOutput());
        showOutput();
    }

    private void addEvent() {
        EventRow r = new EventRow(DialogFields.choice(AdverseEventType.class, false),
                DialogFields.choice(EventSeverity.class, false), new TextField());
        r.type().setValue(AdverseEventType.HEADACHE);
        r.severity().setValue(EventSeverity.MILD);
        r.action().setPromptText(Messages.get("tms.session.eventAction"));
        r.action().setId("tms-session-event-action-" + (eventRows.size() + 1));
        HBox line = new HBox(6, r.type(), r.severity(), r.action());
        HBox.setHgrow(r.action(), javafx.scene.layout.Priority.ALWAYS);
        eventRows.add(r);
        events.getChildren().add(line);
    }

    /** The output the session will run at: MT (today's or the latest) times the % of MT. */
    private void showOutput() {
        Integer mt = mtToday.isSelected() ? parse(mtPct.getText()) : latestMt == null ? null : latestMt.outputPct();
        Integer pct = parse(pctMt.getText());
        output.setText(mt == null || pct == null || mt < 1 || mt > 100 ? "\u2014"
                : Messages.get("tms.session.outputValue", Protocol.outputPct(mt, pct)));
    }

    private static Integer parse(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private SessionEntry entry() throws DialogFields.InputException {
        MtReading mt = null;
        if (mtToday.isSelected()) {
            Integer v = DialogFields.wholeNumber(mtPct.getText(), "tms.field.mt");
            mt = new MtReading(v == null ? 0 : v, mtMethod.getValue(), mtReason.getText());
        }
        List<AdverseEvent> evs = new ArrayList<>();
        for (EventRow r : eventRows) {
            evs.add(new AdverseEvent(r.type().getValue(), r.severity().getValue(), r.action().getText()));
        }
        return new SessionEntry(DialogFields.date(date, "tms.field.date", true), time(), chair.getText(),
                device.getValue() == null ? null : device.getValue().code(), technician.getText(), physician.getText(), mt,
                whole(pctMt, "tms.field.pctMt"), whole(pulsesPlanned, "tms.field.pulsesPlanned"),
                whole(pulsesDelivered, "tms.field.pulsesDelivered"), pulsesReason.getText(),
                DialogFields.wholeNumber(trainsPlanned.getText(), "tms.field.trainsPlanned"),
                DialogFields.wholeNumber(trainsDelivered.getText(), "tms.field.trainsDelivered"), location.getValue(),
                decimal(nasionInion, "tms.field.nasionInion"), decimal(tragusTragus, "tms.field.tragusTragus"),
                decimal(circumference, "tms.field.circumference"), coordinates.getText(),
                whole(interruptions, "tms.field.interruptions"), interruptionReason.getText(),
                DialogFields.wholeNumber(pain.getText(), "tms.field.pain"),
                new PreSessionCheck(decimal(sleep, "tms.field.sleep"), alcohol.isSelected(), medChange.isSelected(),
                        metal.isSelected(), pregnancy.isSelected()), evs, notes.getText());
    }

    private LocalTime time() throws DialogFields.InputException {
        String t = start.getText();
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(t.strip().length() == 4 ? "0" + t.strip() : t.strip());
        } catch (DateTimeParseException e) {
            throw new DialogFields.InputException(Messages.get("violation.format", Messages.get("tms.field.start"),
                    Messages.get("tms.error.notTime", t.strip())));
        }
    }

    private static int whole(TextField f, String key) throws DialogFields.InputException {
        Integer v = DialogFields.wholeNumber(f.getText(), key);
        if (v == null) {
            throw new DialogFields.InputException(Messages.get("violation.format", Messages.get(key),
                    Messages.get("history.error.required")));
        }
        return v;
    }

    private static BigDecimal decimal(TextField f, String key) throws DialogFields.InputException {
        return f.getText() == null || f.getText().isBlank() ? null : DialogFields.number(f.getText(), Messages.get(key));
    }

    void show() {
        form.show();
    }
}
