package clinic.threshold.ui.history;

import clinic.threshold.ui.common.DialogFields;

import clinic.threshold.domain.history.Adherence;
import clinic.threshold.domain.history.Formulary;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.Laterality;
import clinic.threshold.domain.history.Modality;
import clinic.threshold.domain.history.PatientHistory;
import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.StopReason;
import clinic.threshold.domain.history.TreatmentTrial;
import clinic.threshold.domain.history.TrialKind;
import clinic.threshold.domain.history.TrialOutcome;
import clinic.threshold.domain.history.TrialRole;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/**
 * Adds or edits a trial. The fields follow the kind (an agent, role and dose steps for a medication; a
 * modality for psychotherapy; laterality for ECT); the agent box completes from the formulary as you type
 * and shows the agent's class and minimum adequate dose. Stays open, with the reasons, until the service
 * has accepted the save.
 */
final class TrialDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<TrialKind> kind = DialogFields.choice(TrialKind.class, false);
    private final ComboBox<SavedEpisode> episode;
    private final TextField agent = new TextField();
    private final Label agentInfo = new Label();
    private final ComboBox<TrialRole> role = DialogFields.choice(TrialRole.class, false);
    private final ComboBox<SavedTrial> augments;
    private final DatePicker start;
    private final DatePicker end;
    private final DoseStepsEditor doses;
    private final ComboBox<Adherence> adherence = DialogFields.choice(Adherence.class, false);
    private final ComboBox<TrialOutcome> outcome = DialogFields.choice(TrialOutcome.class, false);
    private final ComboBox<StopReason> stopReason = DialogFields.choice(StopReason.class, true);
    private final ComboBox<Modality> modality = DialogFields.choice(Modality.class, false);
    private final TextField sessions = new TextField();
    private final ComboBox<Laterality> laterality = DialogFields.choice(Laterality.class, false);
    private final TextField protocol = new TextField();
    private final TextArea note = new TextArea();
    private final Label error = new Label();
    private final Map<Node, Label> labels = new java.util.HashMap<>();

    TrialDialog(Window owner, SavedTrial existing, PatientHistory history, Formulary formulary, LocalDate today,
                TreatmentHistoryViewModel vm) {
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get(existing == null ? "history.trial.add" : "history.trial.edit"));
        dialog.setResizable(true);
        TreatmentTrial t = existing == null ? null : existing.trial();
        episode = new ComboBox<>(FXCollections.observableArrayList(history.episodes()));
        episode.setConverter(converter(e -> e == null ? "" : Messages.get("history.episode.choice",
                Formats.date(e.episode().onset()), e.episode().end() == null ? Messages.get("history.ongoing")
                        : Formats.date(e.episode().end()), Messages.label(e.episode().severity()))));
        episode.setMaxWidth(Double.MAX_VALUE);
        augments = new ComboBox<>(FXCollections.observableArrayList(history.trials().stream()
                .filter(x -> x.trial().kind() == TrialKind.MEDICATION && x.trial().role() != TrialRole.AUGMENTATION)
                .filter(x -> existing == null || x.id() != existing.id()).toList()));
        augments.setConverter(converter(x -> x == null ? "" : TrialText.summary(x.trial())));
        augments.setMaxWidth(Double.MAX_VALUE);
        start = DialogFields.datePicker(t == null ? null : t.start());
        end = DialogFields.datePicker(t == null ? null : t.end());
        doses = new DoseStepsEditor(t == null ? List.of() : t.doses(), () -> start.getValue());
        fill(t, history);
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        formulary.current(today).forEach(a -> {
            names.add(a.genericName());
            names.addAll(a.brandNames());
        });
        TextFields.bindAutoCompletion(agent, names);
        agent.textProperty().addListener((o, a, b) -> describeAgent(formulary, today));
        describeAgent(formulary, today);
        agent.setId("trial-agent");
        kind.setId("trial-kind");
        episode.setId("trial-episode");
        outcome.setId("trial-outcome");
        start.setId("trial-start");
        end.setId("trial-end");
        GridPane grid = layout();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setId("trial-error");
        VBox box = new VBox(10, grid, error);
        box.setPadding(new Insets(12));
        box.setPrefWidth(560);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        kind.valueProperty().addListener((o, a, b) -> showFieldsFor(b));
        role.valueProperty().addListener((o, a, b) -> showFieldsFor(kind.getValue()));
        showFieldsFor(kind.getValue());
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("trial-ok");
        DialogFields.saveOnOk(dialog, ok, error, (done, failed) -> vm.saveTrial(existing, read(), done, failed));
    }

    private void fill(TreatmentTrial t, PatientHistory history) {
        kind.setValue(t == null ? TrialKind.MEDICATION : t.kind());
        List<SavedEpisode> eps = history.episodes();
        episode.setValue(t == null ? (eps.isEmpty() ? null : eps.stream().filter(e -> e.episode().isOpen())
                .reduce((a, b) -> b).orElse(eps.get(eps.size() - 1)))
                : eps.stream().filter(e -> Long.toString(e.id()).equals(t.episodeId())).findFirst().orElse(null));
        agent.setText(t == null || t.agent() == null ? "" : t.agent());
        role.setValue(t == null ? TrialRole.MONOTHERAPY : t.role());
        if (t != null && t.augments() != null) {
            augments.getItems().stream().filter(x -> Long.toString(x.id()).equals(t.augments())).findFirst()
                    .ifPresent(augments::setValue);
        }
        adherence.setValue(t == null ? Adherence.GOOD : t.adherence());
        outcome.setValue(t == null ? TrialOutcome.UNKNOWN : t.outcome());
        stopReason.setValue(t == null ? null : t.stopReason());
        modality.setValue(t == null ? null : t.modality());
        sessions.setText(t == null || t.sessions() == null ? "" : t.sessions().toString());
        laterality.setValue(t == null ? null : t.laterality());
        protocol.setText(t == null || t.protocol() == null ? "" : t.protocol());
        note.setText(t == null || t.note() == null ? "" : t.note());
        note.setPrefRowCount(3);
        note.setWrapText(true);
    }

    private GridPane layout() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        add(grid, "history.field.kind", kind);
        add(grid, "history.field.episode", episode);
        add(grid, "history.field.agent", new VBox(2, agent, agentInfo));
        add(grid, "history.field.role", role);
        add(grid, "history.field.augments", augments);
        add(grid, "history.field.start", start);
        add(grid, "history.field.end", end);
        add(grid, "history.field.doses", doses);
        add(grid, "history.field.adherence", adherence);
        add(grid, "history.field.modality", modality);
        add(grid, "history.field.sessions", sessions);
        add(grid, "history.field.laterality", laterality);
        add(grid, "history.field.protocol", protocol);
        add(grid, "history.field.outcome", outcome);
        add(grid, "history.field.stopReason", stopReason);
        add(grid, "history.field.note", note);
        agentInfo.getStyleClass().add("text-muted");
        return grid;
    }

    private void add(GridPane grid, String key, Node control) {
        labels.put(control, DialogFields.row(grid, key, control));
    }

    private void showFieldsFor(TrialKind k) {
        boolean med = k == TrialKind.MEDICATION;
        visible(agent.getParent(), med);
        visible(role, med);
        visible(augments, med && role.getValue() == TrialRole.AUGMENTATION);
        visible(doses, med);
        visible(adherence, med);
        visible(modality, k == TrialKind.PSYCHOTHERAPY);
        visible(sessions, !med);
        visible(laterality, k == TrialKind.ECT);
        visible(protocol, k == TrialKind.TMS);
        dialog.getDialogPane().requestLayout();
    }

    private void visible(Node n, boolean show) {
        n.setVisible(show);
        n.setManaged(show);
        Label l = labels.get(n);
        if (l != null) {
            l.setVisible(show);
            l.setManaged(show);
        }
    }

    private void describeAgent(Formulary formulary, LocalDate today) {
        String typed = agent.getText() == null ? "" : agent.getText();
        FormularyAgent a = formulary.find(typed, today).orElse(null);
        agentInfo.setText(a == null ? (typed.isBlank() ? "" : Messages.get("history.agent.unknown"))
                : Messages.get("history.agent.info", Messages.label(a.drugClass()),
                Formats.number(a.minAdequateMgPerDay()), a.confidence() == clinic.threshold.domain.history.Confidence
                        .UNCONFIRMED ? Messages.get("reference.unconfirmed") : ""));
    }

    private TreatmentTrial read() throws DialogFields.InputException {
        TrialKind k = kind.getValue();
        boolean med = k == TrialKind.MEDICATION;
        SavedEpisode ep = episode.getValue();
        return new TreatmentTrial(null, ep == null ? null : Long.toString(ep.id()), k,
                med ? blankToNull(agent.getText()) : null, med ? role.getValue() : null,
                med && role.getValue() == TrialRole.AUGMENTATION && augments.getValue() != null
                        ? Long.toString(augments.getValue().id()) : null,
                DialogFields.date(start, "history.field.start", true), DialogFields.date(end, "history.field.end", false),
                med ? doses.steps() : List.of(), med ? adherence.getValue() : Adherence.UNKNOWN, outcome.getValue(),
                stopReason.getValue(), k == TrialKind.PSYCHOTHERAPY ? modality.getValue() : null,
                med ? null : DialogFields.wholeNumber(sessions.getText(), "history.field.sessions"),
                k == TrialKind.ECT ? laterality.getValue() : null, k == TrialKind.TMS ? blankToNull(protocol.getText()) : null,
                blankToNull(note.getText()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    void show() {
        dialog.show();
    }
}
