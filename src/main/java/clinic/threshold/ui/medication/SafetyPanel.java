package clinic.threshold.ui.medication;

import clinic.threshold.domain.medication.SafetyAlert;
import clinic.threshold.domain.medication.SafetyStopException;
import clinic.threshold.i18n.Messages;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The alerts a draft raises, shown live in an order dialog with their sources, and the override field a
 * hard stop asks for: it appears only while a hard stop is in the list, and what the clinician types there
 * is sent as the documented override.
 */
final class SafetyPanel extends VBox {
    private final VBox list = new VBox(4);
    private final Label overrideLabel = new Label(Messages.get("medication.override.label"));
    private final TextField override = new TextField();

    SafetyPanel() {
        super(6);
        getStyleClass().add("safety-panel");
        Label title = new Label(Messages.get("medication.alerts.title"));
        title.getStyleClass().add("text-bold");
        override.setPromptText(Messages.get("medication.override.prompt"));
        override.setId("medication-override");
        list.setId("medication-alerts");
        getChildren().addAll(title, list, overrideLabel, override);
        show(List.of());
    }

    void show(List<SafetyAlert> alerts) {
        list.getChildren().clear();
        if (alerts.isEmpty()) {
            list.getChildren().add(new Label(Messages.get("medication.alerts.none")));
        }
        for (SafetyAlert a : alerts) {
            Label l = new Label(MedicationText.alert(a));
            l.setWrapText(true);
            l.getStyleClass().add(MedicationText.styleOf(a.level()));
            l.setTooltip(new Tooltip(MedicationText.source(a)));
            list.getChildren().add(l);
        }
        boolean hard = alerts.stream().anyMatch(SafetyAlert::hardStop);
        overrideLabel.setVisible(hard);
        overrideLabel.setManaged(hard);
        override.setVisible(hard);
        override.setManaged(hard);
    }

    /** What a failed save says: a hard stop fills the list and asks for the override; other errors as text. */
    String explain(Throwable e) {
        if (e instanceof SafetyStopException s) {
            show(s.alerts());
            override.requestFocus();
            return Messages.get("medication.override.needed");
        }
        return MedicationErrors.of(e);
    }

    String override() {
        String t = override.getText();
        return t == null || t.isBlank() || !override.isVisible() ? null : t.strip();
    }
}
