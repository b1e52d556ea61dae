package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.medication.AlertLevel;
import clinic.threshold.domain.medication.DoseForm;
import clinic.threshold.domain.medication.DrugGroupMember;
import clinic.threshold.domain.medication.MedicationRule;
import clinic.threshold.domain.medication.RuleKind;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.math.BigDecimal;
import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Versions of a medication safety rule and of a drug's membership in a rule group. A version applies from
 * its date; "retired" (rule) or "remove" (membership) adds a version that switches it off. A source is
 * required every time.
 */
final class MedicationRuleDialogs {
    private MedicationRuleDialogs() {
    }

    static void rule(Window owner, MedicationRule current, ReferenceDataViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get(current == null ? "reference.newRule" : "reference.newVersion"));
        TextField code = new TextField(current == null ? "" : current.code());
        code.setEditable(current == null);
        code.setId("medrule-code");
        ComboBox<RuleKind> kind = DialogFields.choice(RuleKind.class, false);
        kind.setValue(current == null ? RuleKind.INTERACTION : current.kind());
        kind.setDisable(current != null);
        TextField subject = new TextField(current == null ? "" : current.subject());
        TextField other = new TextField(current == null || current.other() == null ? "" : current.other());
        ComboBox<DoseForm> form = DialogFields.choice(DoseForm.class, true);
        form.setValue(current == null ? null : current.form());
        TextField limit = new TextField(current == null || current.limit() == null ? "" : current.limit().toPlainString());
        limit.setId("medrule-limit");
        ComboBox<AlertLevel> level = DialogFields.choice(AlertLevel.class, false);
        level.setValue(current == null ? AlertLevel.WARNING : current.level());
        CheckBox active = new CheckBox(Messages.get("reference.active"));
        active.setSelected(current == null || current.active());
        TextArea message = area(current == null ? "" : current.message());
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(current == null ? Confidence.DESIGN : current.confidence());
        TextArea source = area(current == null ? "" : current.source());
        source.setId("medrule-source");
        DatePicker from = DialogFields.datePicker(vm.today());
        GridPane g = grid();
        DialogFields.row(g, "reference.col.code", code);
        DialogFields.row(g, "reference.col.kind", kind);
        DialogFields.row(g, "reference.col.subject", subject);
        DialogFields.row(g, "reference.col.other", other);
        DialogFields.row(g, "reference.col.limit", limit);
        DialogFields.row(g, "reference.col.form", form);
        DialogFields.row(g, "reference.col.level", new VBox(4, level, active));
        DialogFields.row(g, "reference.col.message", message);
        DialogFields.row(g, "reference.col.confidence", confidence);
        DialogFields.row(g, "reference.col.source", source);
        DialogFields.row(g, "reference.col.effective", from);
        Label hint = new Label(Messages.get("reference.medicationRuleHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        show(d, new VBox(8, hint, g), (done, failed) -> {
            BigDecimal lim = limit.getText().isBlank() ? null : DialogFields.number(limit.getText(),
                    Messages.get("reference.col.limit"));
            LocalDate day = DialogFields.date(from, "reference.col.effective", true);
            vm.addMedicationRuleVersion(new MedicationRule(code.getText().strip(), kind.getValue(), subject.getText().strip(),
                    other.getText().isBlank() ? null : other.getText().strip(), form.getValue(), lim, level.getValue(),
                    active.isSelected(), message.getText().strip(), confidence.getValue(), source.getText().strip(), day),
                    done, failed);
        });
    }

    /** {@code current} null: add a drug to a group; else take {@code current}'s drug out of its group. */
    static void member(Window owner, DrugGroupMember current, ReferenceDataViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get(current == null ? "reference.addMember" : "reference.removeMember"));
        TextField drug = new TextField(current == null ? "" : current.drug());
        TextField group = new TextField(current == null ? "" : current.group());
        drug.setEditable(current == null);
        group.setEditable(current == null);
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(current == null ? Confidence.DESIGN : current.confidence());
        TextArea source = area("");
        DatePicker from = DialogFields.datePicker(vm.today());
        GridPane g = grid();
        DialogFields.row(g, "reference.col.drug", drug);
        DialogFields.row(g, "reference.col.group", group);
        DialogFields.row(g, "reference.col.confidence", confidence);
        DialogFields.row(g, "reference.col.source", source);
        DialogFields.row(g, "reference.col.effective", from);
        show(d, new VBox(8, g), (done, failed) -> vm.addMemberVersion(new DrugGroupMember(drug.getText(),
                group.getText().strip(), current == null, confidence.getValue(), source.getText(),
                DialogFields.date(from, "reference.col.effective", true)), done, failed));
    }

    private static void show(Dialog<ButtonType> d, VBox content, DialogFields.Save save) {
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("medrule-error");
        content.getChildren().add(error);
        content.setPadding(new Insets(12));
        content.setPrefWidth(560);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("medrule-ok");
        DialogFields.saveOnOk(d, ok, error, save);
        d.show();
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static TextArea area(String text) {
        TextArea a = new TextArea(text);
        a.setPrefRowCount(2);
        a.setWrapText(true);
        return a;
    }
}
