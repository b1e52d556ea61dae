package clinic.threshold.ui.history;

import clinic.threshold.domain.history.SavedEpisode;
import clinic.threshold.domain.history.SavedTrial;
import clinic.threshold.domain.history.TrialVerdict;
import clinic.threshold.i18n.Messages;
import clinic.threshold.domain.history.HistoryOverview;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Treatment history tab of a chart: the assessment card, the timeline, and the episodes and trials
 * with their add, edit and void actions (shown to those who may record history).
 */
public final class TreatmentHistoryView {
    private final TreatmentHistoryViewModel vm;
    private final DialogService dialogs;
    private final Clock clock;
    private final HistoryTimeline timeline = new HistoryTimeline();
    private AssessmentCard card;

    @FXML private FlowPane tiles;
    @FXML private VBox reasons;
    @FXML private Label asOfLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private VBox timelineBox;
    @FXML private TableView<SavedEpisode> episodeTable;
    @FXML private TableView<SavedTrial> trialTable;
    @FXML private Button addEpisodeButton;
    @FXML private Button editEpisodeButton;
    @FXML private Button voidEpisodeButton;
    @FXML private Button addTrialButton;
    @FXML private Button editTrialButton;
    @FXML private Button voidTrialButton;

    public TreatmentHistoryView(TreatmentHistoryViewModel vm, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        card = new AssessmentCard(tiles, reasons);
        timelineBox.getChildren().add(timeline);
        timeline.onSelect(t -> {
            trialTable.getSelectionModel().select(t);
            trialTable.scrollTo(t);
        });
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        boolean write = vm.mayWrite();
        for (Button b : List.of(addEpisodeButton, editEpisodeButton, voidEpisodeButton, addTrialButton,
                editTrialButton, voidTrialButton)) {
            b.setVisible(write);
            b.setManaged(write);
        }
        addTrialButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(
                episodeTable.getItems())));
        editEpisodeButton.disableProperty().bind(episodeTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        voidEpisodeButton.disableProperty().bind(editEpisodeButton.disableProperty());
        editTrialButton.disableProperty().bind(trialTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        voidTrialButton.disableProperty().bind(editTrialButton.disableProperty());
        episodeColumns();
        trialColumns();
        trialTable.setRowFactory(t -> {
            TableRow<SavedTrial> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && write && !vm.busyProperty().get()) {
                    onEditTrial();
                }
            });
            return row;
        });
        episodeTable.setPlaceholder(new Label(Messages.get("history.episodes.empty")));
        trialTable.setPlaceholder(new Label(Messages.get("history.trials.empty")));
        vm.overviewProperty().addListener((o, a, b) -> show(b));
        vm.load();
    }

    private void show(HistoryOverview o) {
        if (o == null) {
            return;
        }
        asOfLabel.setText(Messages.get("history.card.asOf", Formats.date(o.assessment().asOf())));
        card.show(o.assessment(), o.history(), o.formulary());
        timeline.show(new HistoryTimeline.Model(o.history(), o.assessment(), o.formulary()));
        Long episode = selectedId(episodeTable.getSelectionModel().getSelectedItem(), SavedEpisode::id);
        Long trial = selectedId(trialTable.getSelectionModel().getSelectedItem(), SavedTrial::id);
        episodeTable.getItems().setAll(o.history().episodes());
        trialTable.getItems().setAll(o.history().trials());
        reselect(episodeTable, episode, SavedEpisode::id);
        reselect(trialTable, trial, SavedTrial::id);
    }

    private static <T> Long selectedId(T item, Function<T, Long> id) {
        return item == null ? null : id.apply(item);
    }

    private static <T> void reselect(TableView<T> table, Long id, Function<T, Long> idOf) {
        if (id != null) {
            table.getItems().stream().filter(x -> id.equals(idOf.apply(x))).findFirst()
                    .ifPresent(x -> table.getSelectionModel().select(x));
        }
    }

    private void episodeColumns() {
        episodeTable.getColumns().setAll(List.of(
                column("history.col.onset", e -> Formats.date(e.episode().onset())),
                column("history.col.end", e -> e.episode().end() == null ? Messages.get("history.ongoing")
                        : Formats.date(e.episode().end())),
                column("history.col.severity", e -> Messages.label(e.episode().severity())),
                column("history.col.current", e -> Optional.ofNullable(vm.overviewProperty().get())
                        .map(o -> Long.toString(e.id()).equals(o.assessment().currentEpisodeId())
                                ? Messages.get("history.current") : "").orElse("")),
                column("history.col.note", e -> e.note() == null ? "" : e.note())));
        clinic.threshold.ui.common.Tables.flexLastColumn(episodeTable);
    }

    private void trialColumns() {
        TableColumn<SavedTrial, String> verdict = column("history.col.verdict", t -> verdictOf(t).map(TrialText::verdict)
                .orElse(""));
        verdict.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("danger", "warning", "success");
                setText(empty ? null : item);
                setTooltip(null);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    verdictOf(getTableRow().getItem()).ifPresent(v -> {
                        setTooltip(new Tooltip(TrialText.reasons(v)));
                        if (v.failed()) {
                            getStyleClass().add("danger");
                        } else if (v.intolerance()) {
                            getStyleClass().add("warning");
                        }
                    });
                }
            }
        });
        trialTable.getColumns().setAll(List.of(
                column("history.col.trial", t -> TrialText.name(t.trial())),
                column("history.col.role", t -> t.trial().role() == null ? "" : Messages.label(t.trial().role())),
                column("history.col.dates", t -> TrialText.dates(t.trial())),
                column("history.col.doses", t -> TrialText.doses(t.trial())),
                column("history.col.weeks", t -> verdictOf(t).filter(v -> v.weeksAtAdequateDose() > 0)
                        .map(v -> BigDecimal.valueOf(v.weeksAtAdequateDose()).setScale(1, RoundingMode.DOWN)
                                .stripTrailingZeros().toPlainString()).orElse("")),
                column("history.col.outcome", t -> Messages.label(t.trial().outcome())),
                verdict,
                column("history.col.why", t -> verdictOf(t).map(TrialText::reasons).orElse(""))));
        double[] widths = {130, 105, 185, 125, 95, 115, 165};
        for (int i = 0; i < widths.length; i++) {
            trialTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        clinic.threshold.ui.common.Tables.flexLastColumn(trialTable);
    }

    private Optional<TrialVerdict> verdictOf(SavedTrial t) {
        return Optional.ofNullable(vm.overviewProperty().get()).flatMap(o -> o.assessment().verdict(Long.toString(t.id())));
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    @FXML
    private void onAddEpisode() {
        new EpisodeDialog(window(), null, vm).show();
    }

    @FXML
    private void onEditEpisode() {
        SavedEpisode e = episodeTable.getSelectionModel().getSelectedItem();
        if (e != null) {
            new EpisodeDialog(window(), e, vm).show();
        }
    }

    @FXML
    private void onVoidEpisode() {
        SavedEpisode e = episodeTable.getSelectionModel().getSelectedItem();
        if (e != null) {
            dialogs.askText(Messages.get("history.episode.void"), Messages.get("history.void.header"),
                    Messages.get("history.void.reason")).ifPresent(r -> vm.voidEpisode(e, r));
        }
    }

    @FXML
    private void onAddTrial() {
        openTrial(null);
    }

    @FXML
    private void onEditTrial() {
        SavedTrial t = trialTable.getSelectionModel().getSelectedItem();
        if (t != null) {
            openTrial(t);
        }
    }

    private void openTrial(SavedTrial t) {
        HistoryOverview o = vm.overviewProperty().get();
        if (o != null) {
            new TrialDialog(window(), t, o.history(), o.formulary(), LocalDate.now(clock), vm).show();
        }
    }

    @FXML
    private void onVoidTrial() {
        SavedTrial t = trialTable.getSelectionModel().getSelectedItem();
        if (t != null) {
            dialogs.askText(Messages.get("history.trial.void"), Messages.get("history.void.header"),
                    Messages.get("history.void.reason")).ifPresent(r -> vm.voidTrial(t, r));
        }
    }

    private javafx.stage.Window window() {
        return trialTable.getScene() == null ? null : trialTable.getScene().getWindow();
    }

    public TreatmentHistoryViewModel viewModel() {
        return vm;
    }
}
