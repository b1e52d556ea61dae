package clinic.threshold.ui.medication;

import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.DoseStep;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.medication.TrialProposal;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.Formats;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The trial an order implies, for the clinician to confirm into the treatment history: what was derived
 * (agent, role, dates, dose steps) is shown; outcome, adherence and, when the order fell in no episode,
 * the episode can be set before confirming.
 */
final class TrialProposalDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<TrialOutcome> outcome = DialogFields.choice(TrialOutcome.class, false);
    private final ComboBox<Adherence> adherence = DialogFields.choice(Adherence.class, false);
    private final ComboBox<SavedEpisode> episode = new ComboBox<>();
    private final Label error = new Label();

    TrialProposalDialog(Window owner, TrialProposal p, MedicationsViewModel vm) {
        TreatmentTrial t = p.trial();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(p.existingTrialId() == null ? "medication.trial.confirmNew" : "medication.trial.confirmUpdate"));
        outcome.setValue(t.outcome());
        adherence.setValue(t.adherence());
        outcome.setId("proposal-outcome");
        episode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SavedEpisode e) {
                return e == null ? "" : Formats.date(e.episode().onset()) + " \u2013 " + (e.episode().end() == null
                        ? Messages.get("history.ongoing") : Formats.date(e.episode().end()));
            }

            @Override
            public SavedEpisode fromString(String s) {
                return null;
            }
        });
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        DialogFields.row(grid, "medication.trial.agent", new Label(t.agent() + ", " + Messages.label(t.role())));
        DialogFields.row(grid, "medication.trial.dates", new Label(Formats.date(t.start()) + " \u2013 "
                + (t.end() == null ? Messages.get("history.ongoing") : Formats.date(t.end()))));
        DialogFields.row(grid, "medication.trial.doses", new Label(t.doses().isEmpty() ? Messages.get("medication.trial.noDoses")
                : t.doses().stream().map(TrialProposalDialog::step).collect(Collectors.joining(", "))));
        DialogFields.row(grid, "medication.trial.stopReason", new Label(t.stopReason() == null ? ""
                : Messages.label(t.stopReason())));
        DialogFields.row(grid, "medication.trial.outcome", outcome);
        DialogFields.row(grid, "medication.trial.adherence", adherence);
        Label episodeLabel = DialogFields.row(grid, "medication.trial.episode", episode);
        boolean pick = p.needsEpisode();
        for (javafx.scene.Node n : java.util.List.of(episode, episodeLabel)) {
            n.setVisible(pick);
            n.setManaged(pick);
        }
        if (pick) {
            vm.episodes(list -> episode.setItems(FXCollections.observableArrayList(list)));
        }
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        Label hint = new Label(Messages.get("medication.trial.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(10, grid, hint, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(520);
        dialog.getDialogPane().setContent(box);
        ButtonType confirm = new ButtonType(Messages.get("medication.trial.confirm"), ButtonType.OK.getButtonData());
        ButtonType later = new ButtonType(Messages.get("medication.trial.later"), ButtonType.CANCEL.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(confirm, later);
        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId("proposal-confirm");
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> {
            String ep = pick ? (episode.getValue() == null ? null : Long.toString(episode.getValue().id())) : t.episodeId();
            if (ep == null) {
                throw new DialogFields.InputException(Messages.get("medication.trial.episodeRequired"));
            }
            TreatmentTrial confirmed = new TreatmentTrial(null, ep, t.kind(), t.agent(), t.role(), t.augments(), t.start(),
                    t.end(), t.doses(), adherence.getValue(), outcome.getValue(), t.stopReason(), t.modality(),
                    t.sessions(), t.laterality(), t.protocol(), t.note());
            vm.confirmTrial(p, confirmed, s -> done.run(), e -> failed.accept(MedicationErrors.of(e)));
        });
    }

    private static String step(DoseStep d) {
        return Formats.date(d.from()) + " " + MedicationText.number(d.mgPerDay()) + " mg/day";
    }

    void show() {
        dialog.show();
    }
}
