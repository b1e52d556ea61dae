package clinic.threshold.ui.outcome;

import clinic.threshold.domain.outcome.RiskAlert;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.Navigator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The clinicians' work list: open suicide-risk alerts, oldest first, and below them the TMS courses and
 * screenings waiting for a clinician; a double click opens the chart.
 */
public final class WorkListView {
    private final WorkListViewModel vm;
    private final Navigator nav;
    private final clinic.threshold.ui.common.DialogService dialogs;

    @FXML private TableView<RiskAlert> alertTable;
    @FXML private TableView<clinic.threshold.domain.tms.TmsAttention> tmsTable;
    @FXML private Label tmsTitle;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private javafx.scene.control.Button reviewButton;

    public WorkListView(WorkListViewModel vm, Navigator nav, clinic.threshold.ui.common.DialogService dialogs) {
        this.vm = vm;
        this.nav = nav;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        alertTable.setItems(vm.alerts());
        boolean alerts = vm.mayReview();
        for (javafx.scene.Node n : List.of(alertTable, reviewButton)) {
            n.setVisible(alerts);
            n.setManaged(alerts);
        }
        reviewButton.disableProperty().bind(alertTable.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        alertTable.setPlaceholder(new Label(Messages.get("worklist.empty")));
        alertTable.getColumns().setAll(List.of(
                column("worklist.col.patient", RiskAlert::patientName),
                column("worklist.col.scale", a -> a.scale() + ", item " + a.items()),
                column("worklist.col.rated", a -> Formats.date(a.ratedOn())),
                column("worklist.col.raised", a -> Formats.dateTime(a.raisedAt(), java.time.ZoneId.systemDefault()))));
        clinic.threshold.ui.common.Tables.flexLastColumn(alertTable);
        alertTable.setRowFactory(t -> {
            TableRow<RiskAlert> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    nav.openChart(row.getItem().patientId());
                }
            });
            return row;
        });
        tmsColumns();
        // A closed tab leaves the scene: stop listening for patient changes then.
        alertTable.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.dispose();
            }
        });
        vm.load();
    }

    /** The TMS part: misses in a row, gaps that need a decision, screenings that need a clearance. */
    private void tmsColumns() {
        boolean show = vm.mayManageCourses() || vm.mayRecordScales();
        for (javafx.scene.Node n : List.of(tmsTable, tmsTitle)) {
            n.setVisible(show);
            n.setManaged(show);
        }
        tmsTable.setItems(vm.tms());
        tmsTable.setPlaceholder(new Label(Messages.get("worklist.tms.empty")));
        tmsTable.getColumns().setAll(List.of(
                column("worklist.col.patient", clinic.threshold.domain.tms.TmsAttention::patientName),
                column("worklist.col.what", a -> Messages.get("worklist.tms." + a.kind().name(), a.count(), a.detail())),
                column("worklist.col.since", a -> Formats.date(a.since()))));
        clinic.threshold.ui.common.Tables.flexLastColumn(tmsTable);
        tmsTable.setRowFactory(t -> {
            TableRow<clinic.threshold.domain.tms.TmsAttention> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    nav.openChart(row.getItem().patientId());
                }
            });
            return row;
        });
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    @FXML
    private void onReview() {
        RiskAlert a = alertTable.getSelectionModel().getSelectedItem();
        if (a != null) {
            dialogs.askText(Messages.get("outcome.alert.review"), Messages.get("outcome.alert.reviewHeader"),
                    Messages.get("outcome.alert.reviewNote")).ifPresent(note -> vm.review(a, note,
                    e -> dialogs.showError(Messages.get("outcome.alert.review"), clinic.threshold.ui.common.ErrorText.of(e))));
        }
    }

    public WorkListViewModel viewModel() {
        return vm;
    }
}
