package clinic.threshold.ui.tms;

import clinic.threshold.ui.common.FormDialog;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.math.BigDecimal;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** The forms of the TMS reference data: a protocol, a device, a new version of a rule. */
final class ReferenceForms {
    private ReferenceForms() {
    }

    static void protocol(Window owner, Protocol p, List<String> scales, String defaultScale, TmsReferenceViewModel vm) {
        boolean isNew = p == null;
        FormDialog form = new FormDialog(owner, Messages.get(isNew ? "tms.ref.newProtocol" : "tms.ref.editProtocol"),
                "tms-protocol-ok", 720);
        TextField code = field(isNew ? "" : p.code(), "tms-protocol-code");
        code.setDisable(!isNew);
        TextField name = field(isNew ? "" : p.name(), "tms-protocol-name");
        TextField hz = field(isNew ? "" : plain(p.frequencyHz()), null);
        TextField pct = field(isNew ? "120" : Integer.toString(p.intensityPctMt()), "tms-protocol-pct");
        TextField min = field(isNew ? "80" : Integer.toString(p.minPctMt()), null);
        TextField max = field(isNew ? "120" : Integer.toString(p.maxPctMt()), "tms-protocol-max");
        TextField pulses = field(isNew ? "" : Integer.toString(p.pulses()), null);
        TextField trains = field(isNew ? "" : Integer.toString(p.trains()), null);
        TextField on = field(isNew ? "" : plain(p.trainOnSeconds()), null);
        TextField off = field(isNew ? "" : plain(p.trainOffSeconds()), null);
        TextField minutes = field(isNew ? "" : plain(p.stimulationMinutes()), null);
        TextField slot = field(isNew ? "" : Integer.toString(p.slotMinutes()), null);
        TextField firstSlot = field(isNew ? "" : Integer.toString(p.firstSlotMinutes()), null);
        CourseTemplate t = isNew ? null : p.template();
        TextField acute = field(isNew ? "30" : Integer.toString(t.acuteSessions()), null);
        TextField perWeek = field(isNew ? "5" : Integer.toString(t.sessionsPerWeek()), null);
        TextField perDay = field(isNew ? "1" : Integer.toString(t.sessionsPerDay()), null);
        TextField interval = field(isNew ? "0" : Integer.toString(t.minIntervalMinutes()), null);
        TextField taper = field(isNew ? "3,2,1" : CourseTemplate.formatPattern(t.taperPattern()), "tms-protocol-taper");
        ComboBox<String> scale = new ComboBox<>(FXCollections.observableArrayList(scales));
        scale.setValue(isNew ? defaultScale : p.assessmentScale());
        TextField every = field(isNew ? "7" : Integer.toString(p.assessEveryDays()), null);
        CheckBox offLabel = new CheckBox(Messages.get("tms.flag.offLabel"));
        offLabel.setSelected(!isNew && p.offLabel());
        CheckBox active = new CheckBox(Messages.get("tms.ref.active"));
        active.setSelected(isNew || p.active());
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(isNew ? Confidence.UNCONFIRMED : p.confidence());
        TextArea source = area(isNew ? "" : p.source());
        form.row("tms.ref.col.code", code, "tms.ref.col.name", name);
        form.row("tms.field.frequencyHz", hz, "tms.field.pulses", pulses);
        form.row("tms.field.trainOnSeconds", on, "tms.field.trainOffSeconds", off);
        form.row("tms.field.trains", trains, "tms.field.stimulationMinutes", minutes);
        form.row("tms.field.intensityPctMt", pct, "tms.field.minPctMt", min);
        form.row("tms.field.maxPctMt", max, "tms.field.slotMinutes", slot);
        form.row("tms.field.firstSlotMinutes", firstSlot, "tms.field.acuteSessions", acute);
        form.row("tms.field.sessionsPerWeek", perWeek, "tms.field.sessionsPerDay", perDay);
        form.row("tms.field.minIntervalMinutes", interval, "tms.field.taperPattern", taper);
        form.row("tms.field.assessmentScale", scale, "tms.field.assessEveryDays", every);
        form.row("tms.ref.col.flags", offLabel, "tms.ref.active", active);
        form.row("reference.col.confidence", confidence);
        form.row("reference.col.source", source);
        form.bottom(FormDialog.note(Messages.get("tms.ref.protocolHint"), "text-muted"));
        form.onOk((done, failed) -> {
            CourseTemplate template;
            try {
                template = new CourseTemplate(whole(acute, "tms.field.acuteSessions"), whole(perWeek, "tms.field.sessionsPerWeek"),
                        whole(perDay, "tms.field.sessionsPerDay"), whole(interval, "tms.field.minIntervalMinutes"),
                        CourseTemplate.parsePattern(taper.getText()));
            } catch (IllegalArgumentException e) {
                throw new DialogFields.InputException(Messages.get("tms.ref.badTemplate"));
            }
            Protocol saved = new Protocol(code.getText().strip(), name.getText().strip(), number(hz, "tms.field.frequencyHz"),
                    whole(pct, "tms.field.intensityPctMt"), whole(min, "tms.field.minPctMt"), whole(max, "tms.field.maxPctMt"),
                    whole(pulses, "tms.field.pulses"), number(on, "tms.field.trainOnSeconds"),
                    number(off, "tms.field.trainOffSeconds"), whole(trains, "tms.field.trains"),
                    number(minutes, "tms.field.stimulationMinutes"), whole(slot, "tms.field.slotMinutes"),
                    whole(firstSlot, "tms.field.firstSlotMinutes"), template, scale.getValue(),
                    whole(every, "tms.field.assessEveryDays"), offLabel.isSelected(), active.isSelected(),
                    confidence.getValue(), source.getText().strip(), isNew ? 0 : p.version());
            vm.saveProtocol(saved, isNew, done, failed);
        });
        form.show();
    }

    static void device(Window owner, Device d, int version, TmsReferenceViewModel vm) {
        boolean isNew = d == null;
        FormDialog form = new FormDialog(owner, Messages.get(isNew ? "tms.ref.newDevice" : "tms.ref.editDevice"),
                "tms-device-ok", 520);
        TextField code = field(isNew ? "" : d.code(), "tms-device-code");
        code.setDisable(!isNew);
        TextField name = field(isNew ? "" : d.name(), "tms-device-name");
        TextField coil = field(isNew ? "" : d.coil(), null);
        TextField max = field(isNew ? "100" : Integer.toString(d.maxOutputPct()), "tms-device-max");
        CheckBox active = new CheckBox(Messages.get("tms.ref.active"));
        active.setSelected(isNew || d.active());
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(isNew ? Confidence.CONFIRMED : d.confidence());
        TextArea source = area(isNew ? "" : d.source());
        form.row("tms.ref.col.code", code);
        form.row("tms.ref.col.name", name);
        form.row("tms.field.coil", coil);
        form.row("tms.ref.col.max", max);
        form.row("tms.ref.active", active);
        form.row("reference.col.confidence", confidence);
        form.row("reference.col.source", source);
        form.onOk((done, failed) -> vm.saveDevice(new Device(code.getText().strip(), name.getText().strip(),
                coil.getText().strip(), whole(max, "tms.ref.col.max"), active.isSelected(), confidence.getValue(),
                source.getText().strip()), isNew, version, done, failed));
        form.show();
    }

    static void rule(Window owner, TmsReferenceViewModel.Rule current, TmsReferenceViewModel vm) {
        RuleSetting r = current.rule();
        FormDialog form = new FormDialog(owner, Messages.get("reference.newVersion") + ": " + r.key(), "tms-rule-ok", 520);
        TextField value = field(r.value(), "tms-rule-value");
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(r.confidence());
        TextArea source = area(r.source());
        DatePicker from = DialogFields.datePicker(vm.today());
        form.row("reference.col.value", value);
        form.row("reference.col.confidence", confidence);
        form.row("reference.col.source", source);
        form.row("reference.col.effective", from);
        form.bottom(FormDialog.note(Messages.get("tms.ref.ruleHint"), "text-muted"));
        form.onOk((done, failed) -> vm.addRuleVersion(current.set(), new RuleSetting(r.key(), value.getText().strip(),
                confidence.getValue(), source.getText().strip(), DialogFields.date(from, "reference.col.effective", true)),
                done, failed));
        form.show();
    }

    private static TextField field(String text, String id) {
        TextField f = new TextField(text);
        if (id != null) {
            f.setId(id);
        }
        return f;
    }

    private static TextArea area(String text) {
        TextArea a = new TextArea(text);
        a.setPrefRowCount(3);
        a.setWrapText(true);
        return a;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    private static int whole(TextField f, String key) throws DialogFields.InputException {
        Integer v = DialogFields.wholeNumber(f.getText(), key);
        if (v == null) {
            throw new DialogFields.InputException(Messages.get("violation.format", Messages.get(key),
                    Messages.get("history.error.required")));
        }
        return v;
    }

    private static BigDecimal number(TextField f, String key) throws DialogFields.InputException {
        return DialogFields.number(f.getText(), Messages.get(key));
    }
}
