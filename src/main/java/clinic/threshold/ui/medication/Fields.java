package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import java.time.LocalDate;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.TextFields;

/** Inputs the medication dialogs share: the drug box that completes from every name the rules know. */
final class Fields {
    private Fields() {
    }

    static TextField drugBox(MedicationOverview o, LocalDate today) {
        TextField agent = new TextField();
        // Formulary names and the drugs the rule groups name (tramadol, linezolid...), so both complete.
        TextFields.bindAutoCompletion(agent, o.catalog().names(today));
        agent.setPromptText(Messages.get("medication.agent.prompt"));
        return agent;
    }

    static java.math.BigDecimal dose(TextField f, String fieldKey) throws DialogFields.InputException {
        return DialogFields.number(f.getText(), Messages.get(fieldKey));
    }
}
