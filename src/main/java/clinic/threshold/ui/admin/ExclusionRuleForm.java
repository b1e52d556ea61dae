package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.payer.Exclusion;
import clinic.threshold.domain.payer.ExclusionRule;
import clinic.threshold.domain.payer.ExclusionRule.Evidence;
import clinic.threshold.domain.payer.ExclusionRuleChecks;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.FormDialog;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * The form for a new exclusion rule: the condition, the kind of chart record that shows it, the value to look for
 * (with a hint that follows the kind), the confidence and the source. The service checks the whole rule; the form
 * stays open with its reasons until the rule is stored.
 */
final class ExclusionRuleForm {
    private static final String ID = "exclusionRule";

    private ExclusionRuleForm() {
    }

    static void show(Window owner, ExclusionRulesViewModel vm) {
        FormDialog form = new FormDialog(owner, Messages.get("payer.exclusionRule.addTitle"), ID + "Ok", 560);
        ComboBox<Exclusion> condition = choice(Exclusion.values(), ExclusionRuleText::condition, ID + "Condition");
        ComboBox<Evidence> evidence = choice(Evidence.values(), ExclusionRuleText::evidence, ID + "Evidence");
        TextField match = new TextField();
        match.setId(ID + "Match");
        Label hint = FormDialog.note(ExclusionRuleText.hint(null), "text-muted");
        hint.setId(ID + "MatchHint");
        evidence.valueProperty().addListener((o, was, now) -> {
            hint.setText(ExclusionRuleText.hint(now));
            // A risk-alert rule has one possible value: fill it in rather than make the user guess it.
            if (now == Evidence.RISK_ALERT && match.getText().isBlank()) {
                match.setText(ExclusionRuleChecks.OPEN_ALERT);
            }
        });
        ComboBox<Confidence> confidence = choice(Confidence.values(), Messages::label, ID + "Confidence");
        confidence.setValue(Confidence.UNCONFIRMED); // a new mapping is unconfirmed until the clinic has checked it
        TextArea source = new TextArea();
        source.setId(ID + "Source");
        source.setPrefRowCount(3);
        source.setWrapText(true);
        form.row("payer.exclusionRule.field.condition", condition);
        form.row("payer.exclusionRule.field.evidence", evidence);
        form.row("payer.exclusionRule.field.match", match);
        form.line(hint);
        form.row("payer.exclusionRule.field.confidence", confidence);
        form.row("payer.exclusionRule.field.source", source);
        form.bottom(FormDialog.note(Messages.get("payer.exclusionRule.addHint"), "text-muted"));
        form.onOk((done, failed) -> vm.add(new ExclusionRule(condition.getValue(), evidence.getValue(), match.getText(),
                confidence.getValue(), source.getText()), done, failed));
        form.show();
    }

    private static <T> ComboBox<T> choice(T[] values, java.util.function.Function<T, String> words, String id) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(ExclusionRuleText.converter(words));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setId(id);
        return box;
    }
}
