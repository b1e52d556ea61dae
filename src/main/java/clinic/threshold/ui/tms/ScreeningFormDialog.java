package clinic.threshold.ui.tms;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.tms.ScreeningItem;
import clinic.threshold.domain.tms.ScreeningSeverity;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.FormDialog;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A new version of the safety screening form, started from the newest: each item's wording, severity, confidence
 * and source (or the reviewer's note) can change, an item can be retired, and items can be added. Saving writes
 * the whole version; screenings already recorded keep the version they were answered on.
 */
final class ScreeningFormDialog {
    private final List<Row> rows = new ArrayList<>();
    private final VBox lines = new VBox(6);

    private record Row(int number, TextField text, ComboBox<ScreeningSeverity> severity, ComboBox<Confidence> confidence,
            TextField source, CheckBox retire) {
        ScreeningItem item() {
            return new ScreeningItem(number, text.getText(), severity.getValue(), confidence.getValue(), source.getText());
        }
    }

    private ScreeningFormDialog() {
    }

    static void show(Window owner, int version, List<ScreeningItem> current, TmsReferenceViewModel vm) {
        ScreeningFormDialog d = new ScreeningFormDialog();
        FormDialog form = new FormDialog(owner, Messages.get("tms.ref.screeningDialog", version + 1), "tms-screening-ok", 980);
        form.line(FormDialog.note(Messages.get("tms.ref.screeningHint", version), "text-muted"));
        current.forEach(d::add);
        form.line(d.lines);
        Button add = new Button(Messages.get("tms.ref.addItem"));
        add.setId("tms-screening-add");
        add.setOnAction(e -> d.add(new ScreeningItem(d.nextNumber(), "", ScreeningSeverity.PHYSICIAN_REVIEW,
                Confidence.CONFIRMED, "")));
        form.line(add);
        form.onOk((done, failed) -> vm.saveScreeningForm(version, d.rows.stream().filter(r -> !r.retire().isSelected())
                .map(Row::item).toList(), done, failed));
        form.show();
    }

    private int nextNumber() {
        return rows.stream().mapToInt(Row::number).max().orElse(0) + 1;
    }

    private void add(ScreeningItem i) {
        String id = "tms-screening-" + i.number();
        TextField text = new TextField(i.text());
        text.setId(id + "-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        ComboBox<ScreeningSeverity> severity = DialogFields.choice(ScreeningSeverity.class, false);
        severity.setValue(i.severity());
        severity.setId(id + "-severity");
        ComboBox<Confidence> confidence = DialogFields.choice(Confidence.class, false);
        confidence.setValue(i.confidence());
        confidence.setId(id + "-confidence");
        TextField source = new TextField(i.source());
        source.setId(id + "-source");
        source.setPromptText(Messages.get("tms.ref.sourcePrompt"));
        source.setPrefWidth(260);
        CheckBox retire = new CheckBox(Messages.get("tms.ref.retire"));
        retire.setId(id + "-retire");
        Label number = new Label(Integer.toString(i.number()));
        number.setMinWidth(24);
        HBox line = new HBox(6, number, text, severity, confidence, source, retire);
        line.setAlignment(Pos.CENTER_LEFT);
        // A retired item stays in view, greyed, until the version is saved without it.
        retire.selectedProperty().addListener((o, was, now) -> {
            for (var n : List.of(text, severity, confidence, source)) {
                n.setDisable(now);
            }
        });
        rows.add(new Row(i.number(), text, severity, confidence, source, retire));
        lines.getChildren().add(line);
    }
}
