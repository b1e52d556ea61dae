package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.AuthorizationRow;
import clinic.threshold.domain.payer.Readiness;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.i18n.Messages;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The patient against their payer's TMS policy (issue 10): overall ready, not ready or missing information, then each
 * criterion with its evidence or what to collect. Policies nobody has verified say so.
 */
public final class PayerView {
    private final PayerViewModel vm;
    @FXML private Label payerPolicyLabel;
    @FXML private Label payerUnverifiedLabel;
    @FXML private Label payerOverallLabel;
    @FXML private TableView<Readiness.Criterion> payerCriteriaTable;
    @FXML private Label payerSourceLabel;
    @FXML private Label payerErrorLabel;
    @FXML private TableView<AuthorizationRow> payerRequestsTable;
    @FXML private javafx.scene.layout.HBox payerRequestActions;
    @FXML private javafx.scene.control.MenuButton payerNewRequest;
    @FXML private javafx.scene.control.Button payerChangeStatus;
    @FXML private javafx.scene.control.Button payerEdit;
    @FXML private javafx.scene.control.Button payerLetter;
    @FXML private javafx.scene.control.Button payerReprint;
    @FXML private javafx.scene.control.Button payerVoid;
    @FXML private Label payerMessage;
    private final clinic.threshold.ui.common.DialogService dialogs;
    private AuthorizationDialogs forms;
    private RequestCommands commands;

    public PayerView(PayerViewModel vm, clinic.threshold.ui.common.DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    public PayerViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        payerCriteriaTable.getColumns().add(column("payer.col.criterion", c -> Messages.get("payer.criterion." + c.id()), 180));
        payerCriteriaTable.getColumns().add(column("payer.col.status", c -> Messages.get("payer.status." + c.status().name()), 100));
        payerCriteriaTable.getColumns().add(column("payer.col.evidence", AuthorizationText::evidence, 380));
        payerCriteriaTable.getColumns().add(column("payer.col.missing", c -> c.missingKey() == null ? ""
                : Messages.withValues(c.missingKey(), c.missing()), 360));
        payerCriteriaTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Readiness.Criterion item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("payer-met", "payer-unmet", "payer-missing");
                if (!empty && item != null) {
                    getStyleClass().add("payer-" + item.status().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        payerCriteriaTable.setPlaceholder(new Label(Messages.get("payer.loading")));
        vm.readinessProperty().addListener((o, a, b) -> show(b));
        payerErrorLabel.textProperty().bind(vm.errorProperty());
        payerUnverifiedLabel.setVisible(false);
        requests();
        vm.load();
    }

    /** The patient's requests: status, units counting down, alerts; and the commands on the selected one. */
    private void requests() {
        commands = new RequestCommands(payerRequestsTable, vm.actions(), dialogs, vm.messageProperty(), vm::today);
        forms = commands.forms();
        payerRequestsTable.getColumns().add(requestColumn("auth.col.kind", r -> Messages.label(r.request().kind()), 110));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.status", AuthorizationText::status, 110));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.payer", r -> r.request().payer(), 140));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.waiting", r -> AuthorizationText.waiting(r, vm.today()), 120));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.number", r -> Formats.orDash(r.request().number()), 100));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.units", AuthorizationText::units, 150));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.window", AuthorizationText::window, 170));
        payerRequestsTable.getColumns().add(requestColumn("auth.col.alerts", AuthorizationText::alerts, 300));
        payerRequestsTable.setPlaceholder(new Label(Messages.get("auth.none")));
        vm.requestsProperty().addListener((o, a, b) -> payerRequestsTable.getItems().setAll(b == null ? java.util.List.of() : b));
        boolean manage = vm.actions().mayManage();
        payerRequestActions.setVisible(manage);
        payerRequestActions.setManaged(manage);
        payerLetter.setVisible(vm.actions().mayWriteLetters());
        payerReprint.setVisible(vm.actions().mayWriteLetters());
        var selected = payerRequestsTable.getSelectionModel().selectedItemProperty();
        for (var b : java.util.List.of(payerChangeStatus, payerEdit, payerLetter, payerReprint, payerVoid)) {
            b.disableProperty().bind(selected.isNull());
        }
        for (clinic.threshold.domain.payer.AuthKind k : clinic.threshold.domain.payer.AuthKind.values()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(Messages.label(k));
            item.setId("payerNew" + k.name());
            item.setOnAction(e -> forms.newRequest(window(), vm.patientId(), k, () -> vm.messageProperty().set(Messages.get("auth.created")),
                    this::showError));
            payerNewRequest.getItems().add(item);
        }
        payerMessage.textProperty().bind(vm.messageProperty());
        vm.requestsErrorProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                vm.messageProperty().set(b);
            }
        });
        payerRequestsTable.setRowFactory(t -> RequestCommands.alertRow());
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
    private void onLetter() {
        commands.letter();
    }

    @FXML
    private void onReprint() {
        AuthorizationRow r = payerRequestsTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.actions().letters(r.request().id(), letters -> {
                if (letters.isEmpty()) {
                    showError(Messages.get("letter.noneYet"));
                    return;
                }
                var newest = letters.get(0);
                dialogs.chooseSaveFile(Messages.get("letter.save"), AuthorizationActions.suggestedName(newest.kind(), r.request().mrn(),
                        vm.today())).ifPresent(file -> vm.actions().reprint(newest.id(), file, vm.messageProperty()::set,
                        this::showError));
            }, this::showError);
        }
    }

    @FXML
    private void onVoid() {
        AuthorizationRow r = payerRequestsTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            dialogs.askText(Messages.get("auth.void.title"), Messages.get("auth.void.header"), Messages.get("auth.void.reason"))
                    .ifPresent(reason -> vm.actions().voidRequest(vm.patientId(), r.request().id(), r.request().version(), reason,
                            () -> vm.messageProperty().set(Messages.get("auth.voided")), this::showError));
        }
    }

    private void showError(String text) {
        dialogs.showError(Messages.get("auth.error.title"), text);
    }

    private javafx.stage.Window window() {
        return payerRequestsTable.getScene().getWindow();
    }

    private static TableColumn<AuthorizationRow, String> requestColumn(String key, Function<AuthorizationRow, String> value,
            double width) {
        TableColumn<AuthorizationRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void show(Optional<Readiness> r) {
        if (r == null || r.isEmpty()) {
            payerPolicyLabel.setText(Messages.get("payer.noPolicy"));
            payerOverallLabel.setText("");
            payerUnverifiedLabel.setVisible(false);
            payerCriteriaTable.getItems().clear();
            payerCriteriaTable.setPlaceholder(new Label(Messages.get("payer.noPolicyHint")));
            payerSourceLabel.setText("");
            return;
        }
        Readiness x = r.get();
        payerPolicyLabel.setText(Messages.get("payer.policy", x.policy().payer(), x.policy().plan(), x.policy().version()));
        payerUnverifiedLabel.setVisible(!x.policy().verified());
        payerOverallLabel.setText(Messages.get("payer.overall." + x.overall().name()));
        payerOverallLabel.getStyleClass().removeAll("success", "danger", "warning");
        payerOverallLabel.getStyleClass().add(switch (x.overall()) {
            case READY -> "success";
            case NOT_READY -> "danger";
            case MISSING_INFORMATION -> "warning";
        });
        payerCriteriaTable.getItems().setAll(x.criteria());
        payerSourceLabel.setText(Messages.get("payer.source", x.policy().source()));
    }

    private static TableColumn<Readiness.Criterion, String> column(String key, Function<Readiness.Criterion, String> value,
            double width) {
        TableColumn<Readiness.Criterion, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
