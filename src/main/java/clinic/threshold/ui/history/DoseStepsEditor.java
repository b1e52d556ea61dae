package clinic.threshold.ui.history;

import clinic.threshold.ui.common.DialogFields;

import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Dose steps as rows of "from date, mg/day"; a new row starts where the trial starts or after the last step. */
final class DoseStepsEditor extends VBox {
    private final List<Row> rows = new ArrayList<>();
    private final VBox list = new VBox(4);
    private final java.util.function.Supplier<LocalDate> trialStart;

    private record Row(HBox box, DatePicker from, TextField mg) {
    }

    DoseStepsEditor(List<DoseStep> steps, java.util.function.Supplier<LocalDate> trialStart) {
        super(6);
        this.trialStart = trialStart;
        Button add = new Button(Messages.get("history.dose.add"));
        add.setId("dose-add");
        add.setOnAction(e -> addRow(null, null));
        getChildren().addAll(list, add);
        steps.forEach(s -> addRow(s.from(), Formats.number(s.mgPerDay())));
    }

    private void addRow(LocalDate from, String mg) {
        LocalDate start = from;
        if (start == null) {
            start = rows.isEmpty() ? trialStart.get() : null;
        }
        DatePicker date = DialogFields.datePicker(start);
        date.setPrefWidth(140);
        TextField dose = new TextField(mg);
        dose.setPromptText(Messages.get("history.unit.mgPerDay"));
        dose.setPrefColumnCount(6);
        dose.setId("dose-mg-" + rows.size());
        date.setId("dose-from-" + rows.size());
        Button remove = new Button("✕");
        remove.getStyleClass().add("flat");
        HBox box = new HBox(6, date, dose, new Label(Messages.get("history.unit.mgPerDay")), remove);
        Row row = new Row(box, date, dose);
        remove.setOnAction(e -> {
            rows.remove(row);
            list.getChildren().remove(box);
        });
        rows.add(row);
        list.getChildren().add(box);
    }

    /** The steps as typed, in the order shown; a malformed date or number is reported with its step. */
    List<DoseStep> steps() throws DialogFields.InputException {
        List<DoseStep> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String label = Messages.get("history.field.doseStep", i + 1);
            Row r = rows.get(i);
            LocalDate from;
            try {
                from = DialogFields.date(r.from(), "history.field.start", true);
            } catch (DialogFields.InputException e) {
                throw new DialogFields.InputException(label + ": " + e.getMessage());
            }
            out.add(new DoseStep(from, DialogFields.number(r.mg().getText(), label)));
        }
        return out;
    }
}
