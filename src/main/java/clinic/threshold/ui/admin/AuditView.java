package clinic.threshold.ui.admin;

import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the audit trail screen. */
public final class AuditView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditViewModel vm;
    private final DialogService dialogs;
    private final ZoneId zone;

    @FXML private TextField actionField;
    @FXML private TextField userField;
    @FXML private TextField patientField;
    @FXML private TextField fromField;
    @FXML private TextField toField;
    @FXML private TableView<AuditRecord> auditTable;
    @FXML private TableColumn<AuditRecord, String> seqColumn;
    @FXML private TableColumn<AuditRecord, String> timeColumn;
    @FXML private TableColumn<AuditRecord, String> userColumn;
    @FXML private TableColumn<AuditRecord, String> actionColumn;
    @FXML private TableColumn<AuditRecord, String> outcomeColumn;
    @FXML private TableColumn<AuditRecord, String> patientColumn;
    @FXML private TableColumn<AuditRecord, String> detailColumn;
    @FXML private Button olderButton;
    @FXML private Button verifyButton;
    @FXML private Button exportButton;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator busyIndicator;

    public AuditView(AuditViewModel vm, DialogService dialogs, ZoneId zone) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        actionField.textProperty().bindBidirectional(vm.actionProperty());
        userField.textProperty().bindBidirectional(vm.userProperty());
        patientField.textProperty().bindBidirectional(vm.patientMrnProperty());
        fromField.textProperty().bindBidirectional(vm.fromProperty());
        toField.textProperty().bindBidirectional(vm.toProperty());
        auditTable.setItems(vm.events());
        seqColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Long.toString(c.getValue().seq())));
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(TIME.format(c.getValue().occurredAt().atZone(zone))));
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().username()));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().action()));
        outcomeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().outcome().name()));
        patientColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().patientId() == null ? "" : c.getValue().patientId().toString()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        olderButton.disableProperty().bind(vm.moreProperty().not().or(vm.busyProperty()));
        verifyButton.disableProperty().bind(vm.busyProperty());
        exportButton.disableProperty().bind(vm.busyProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        vm.search();
    }

    @FXML
    private void onSearch() {
        vm.search();
    }

    @FXML
    private void onOlder() {
        vm.loadOlder();
    }

    @FXML
    private void onVerify() {
        vm.verify();
    }

    @FXML
    private void onExport() {
        dialogs.chooseSaveFile(Messages.get("audit.export"), "audit-trail.csv").ifPresent(vm::export);
    }
}
