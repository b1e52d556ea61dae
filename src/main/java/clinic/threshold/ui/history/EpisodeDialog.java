package clinic.threshold.ui.history;

import clinic.threshold.ui.common.DialogFields;

import clinic.threshold.domain.history.Episode;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.Severity;
import clinic.threshold.i18n.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Adds or edits an episode. Stays open, with the reasons, until the service has accepted the save. */
final class EpisodeDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final DatePicker onset;
    private final DatePicker end;
    private final ComboBox<Severity> severity = DialogFields.choice(Severity.class, false);
    private final TextArea note = new TextArea();
    private final Label error = new Label();

    EpisodeDialog(Window owner, SavedEpisode existing, TreatmentHistoryViewModel vm) {
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(existing == null ? "history.episode.add" : "history.episode.edit"));
        onset = DialogFields.datePicker(existing == null ? null : existing.episode().onset());
        end = DialogFields.datePicker(existing == null ? null : existing.episode().end());
        severity.setValue(existing == null ? null : existing.episode().severity());
        note.setText(existing == null ? null : existing.note());
        note.setPrefRowCount(3);
        note.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        DialogFields.row(grid, "history.field.onset", onset);
        DialogFields.row(grid, "history.field.end", end);
        DialogFields.row(grid, "history.field.severity", severity);
        DialogFields.row(grid, "history.field.note", note);
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        VBox box = new VBox(10, grid, new Label(Messages.get("history.episode.hint")), error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(460);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("episode-ok");
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> {
            Episode ep = new Episode(null, DialogFields.date(onset, "history.field.onset", true),
                    DialogFields.date(end, "history.field.end", false), severity.getValue());
            if (ep.severity() == null) {
                throw new DialogFields.InputException(Messages.get("violation.format",
                        Messages.get("history.field.severity"), Messages.get("history.error.required")));
            }
            vm.saveEpisode(existing, ep, note.getText() == null || note.getText().isBlank() ? null
                    : note.getText().strip(), done, failed);
        });
    }

    void show() {
        dialog.show();
    }
}
