package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthStatus;
import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.IntakeRow;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.Navigator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Prior authorizations for the clinic (issue 10): the intake coordinator's list of what each patient still needs for
 * their payer, with the letter of medical necessity one click away, and the front desk's pipeline of requests with
 * their units and alerts. A double click opens the chart.
 */
public final class AuthorizationsView {
    private final AuthorizationsViewModel vm;
    private final Navigator nav;
    private final DialogService dialogs;
    private AuthorizationDialogs forms;
    private RequestCommands commands;

    @FXML private Tab intakeTab;
    @FXML private TableView<IntakeRow> intakeTable;
    @FXML private Button intakeLetter;
    @FXML private Button intakeRequest;
    @FXML private TableView<AuthorizationRow> pipelineTable;
    @FXML private ComboBox<AuthStatus> pipelineStatus;
    @FXML private TextField pipelineSearch;
    @FXML private Label pipelineCounts;
    @FXML private Button pipelineChangeStatus;
    @FXML private Button pipelineLetter;
    @FXML private Button pipelineEdit;
    @FXML private Button templatesButton;
    @FXML private Label authMessage;
    @FXML private Label authError;
    @FXML private ProgressIndicator authBusy;

    public AuthorizationsView(AuthorizationsViewModel vm, Navigator nav, DialogService dialogs) {
        this.vm = vm;
        this.nav = nav;
        this.dialogs = dialogs;
    }

    public AuthorizationsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        commands = new RequestCommands(pipelineTable, vm.actions(), dialogs, vm.messageProperty(), vm::today);
        forms = commands.forms();
        authBusy.visibleProperty().bind(vm.busyProperty());
        authError.textProperty().bind(vm.errorProperty());
        authMessage.textProperty().bind(vm.messageProperty());
        intake();
        pipeline();
        templatesButton.setVisible(vm.actions().mayEditTemplates());
        templatesButton.setManaged(templatesButton.isVisible());
        pipelineTable.sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                vm.dispose();
            }
        });
        vm.load();
    }

    private void intake() {
        if (!vm.mayReadClinical()) {
            // Readiness rests on the clinical record: without clinical access the tab is not offered.
            intakeTab.getTabPane().getTabs().remove(intakeTab);
            return;
        }
        intakeTable.setItems(vm.intake());
        intakeTable.setPlaceholder(new Label(Messages.get("auth.intake.empty")));
        intakeTable.getColumns().setAll(List.of(
                column("auth.col.patient", IntakeRow::name, 170),
                column("auth.col.mrn", IntakeRow::mrn, 90),
                column("auth.col.payer", r -> Formats.orDash(r.payer()), 150),
                column("auth.col.readiness", AuthorizationText::readiness, 150),
                column("auth.col.stillNeeds", AuthorizationText::stillNeeds, 420),
                column("auth.col.request", AuthorizationText::request, 150)));
        intakeTable.setRowFactory(t -> {
            TableRow<IntakeRow> row = new TableRow<>() {
                @Override
                protected void updateItem(IntakeRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("payer-met", "payer-unmet", "payer-missing");
                    String needs = empty || item == null ? "" : AuthorizationText.stillNeeds(item);
                    setTooltip(needs.isEmpty() ? null : new javafx.scene.control.Tooltip(needs));
                    if (!empty && item != null && item.readiness() != null) {
                        getStyleClass().add(item.readiness().overall() == Readiness.Overall.READY ? "payer-met"
                                : item.readiness().overall() == Readiness.Overall.NOT_READY ? "payer-unmet" : "payer-missing");
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    nav.openChart(row.getItem().patientId());
                }
            });
            return row;
        });
        boolean letters = vm.actions().mayWriteLetters();
        intakeLetter.setVisible(letters);
        intakeRequest.setVisible(vm.actions().mayManage());
        intakeLetter.disableProperty().bind(intakeTable.getSelectionModel().selectedItemProperty().isNull());
        intakeRequest.disableProperty().bind(intakeTable.getSelectionModel().selectedItemProperty().isNull());
    }

    private void pipeline() {
        pipelineTable.setItems(vm.pipeline());
        pipelineTable.setPlaceholder(new Label(Messages.get("auth.pipeline.empty")));
        pipelineTable.getColumns().setAll(List.of(
                column("auth.col.patient", (AuthorizationRow r) -> r.request().patientName(), 160),
                column("auth.col.mrn", (AuthorizationRow r) -> r.request().mrn(), 90),
                column("auth.col.kind", (AuthorizationRow r) -> Messages.label(r.request().kind()), 100),
                column("auth.col.payer", (AuthorizationRow r) -> r.request().payer(), 140),
                column("auth.col.status", AuthorizationText::status, 110),
                column("auth.col.waiting", (AuthorizationRow r) -> AuthorizationText.waiting(r, vm.today()), 120),
                column("auth.col.units", AuthorizationText::units, 150),
                column("auth.col.window", AuthorizationText::window, 170),
                column("auth.col.alerts", AuthorizationText::alerts, 300)));
        pipelineTable.setRowFactory(t -> {
            TableRow<AuthorizationRow> row = RequestCommands.alertRow();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    nav.openChart(row.getItem().request().patientId());
                }
            });
            return row;
        });
        pipelineStatus.getItems().add(null);
        pipelineStatus.getItems().addAll(AuthStatus.values());
        pipelineStatus.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuthStatus s) {
                return s == null ? Messages.get("auth.pipeline.allStatuses") : Messages.label(s);
            }

            @Override
            public AuthStatus fromString(String s) {
                return null;
            }
        });
        pipelineStatus.valueProperty().bindBidirectional(vm.statusProperty());
        pipelineSearch.textProperty().bindBidirectional(vm.searchProperty());
        vm.allRequests().addListener((javafx.collections.ListChangeListener<AuthorizationRow>) c -> pipelineCounts.setText(
                vm.counts().entrySet().stream().map(e -> Messages.get("auth.pipeline.count", Messages.label(e.getKey()), e.getValue()))
                        .collect(Collectors.joining(" \u00b7 "))));
        var selected = pipelineTable.getSelectionModel().selectedItemProperty();
        pipelineChangeStatus.disableProperty().bind(selected.isNull());
        pipelineLetter.disableProperty().bind(selected.isNull());
        pipelineEdit.disableProperty().bind(selected.isNull());
        pipelineEdit.setVisible(vm.actions().mayManage());
        pipelineChangeStatus.setVisible(vm.actions().mayManage());
        pipelineLetter.setVisible(vm.actions().mayWriteLetters());
    }

    @FXML
    private void onIntakeLetter() {
        IntakeRow r = intakeTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.actions().letterForPatient(r.patientId(), name -> dialogs.chooseSaveFile(Messages.get("letter.save"), name),
                    vm.messageProperty()::set, this::showError);
        }
    }

    @FXML
    private void onIntakeRequest() {
        IntakeRow r = intakeTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            forms.newRequest(window(), r.patientId(), clinic.threshold.domain.payer.AuthKind.INITIAL,
                    () -> vm.messageProperty().set(Messages.get("auth.created")), this::showError);
        }
    }

    @FXML
    private void onChangeStatus() {
        commands.changeStatus();
    }

    @FXML
    private void onEdit() {
        commands.edit();
    }

    @FXML
    private void onPipelineLetter() {
        commands.letter();
    }

    @FXML
    private void onTemplates() {
        forms.templates(window(), this::showError);
    }

    @FXML
    private void onRefresh() {
        vm.load();
    }

    private void showError(String text) {
        dialogs.showError(Messages.get("auth.error.title"), text);
    }

    private javafx.stage.Window window() {
        return pipelineTable.getScene().getWindow();
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
