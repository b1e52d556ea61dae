package clinic.threshold.ui.admin;

import clinic.threshold.domain.backup.BackupInfo;
import clinic.threshold.domain.backup.BackupStatus;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the backups screen. Restoring is handed to the session (it signs everyone out first). */
public final class BackupsView {
    private final BackupsViewModel vm;
    private final DialogService dialogs;
    private final BiConsumer<Path, char[]> restore;
    private final java.util.function.Consumer<char[]> compact;

    @FXML private TableView<BackupInfo> backupTable;
    @FXML private TableColumn<BackupInfo, String> timeColumn;
    @FXML private TableColumn<BackupInfo, String> kindColumn;
    @FXML private TableColumn<BackupInfo, BackupInfo> statusColumn;
    @FXML private TableColumn<BackupInfo, String> sizeColumn;
    @FXML private TableColumn<BackupInfo, String> rowsColumn;
    @FXML private TableColumn<BackupInfo, String> schemaColumn;
    @FXML private TableColumn<BackupInfo, String> fileColumn;
    @FXML private TextField folderField;
    @FXML private TextField keepDailyField;
    @FXML private TextField keepWeeklyField;
    @FXML private Label folderError;
    @FXML private Label keepError;
    @FXML private Label sameDiskLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Button createButton;
    @FXML private Button verifyButton;
    @FXML private Button restoreButton;
    @FXML private Button saveButton;
    @FXML private Button browseButton;
    @FXML private Button compactButton;
    @FXML private Label databaseLabel;

    /**
     * {@code restore} receives the chosen backup and the administrator's password, {@code compact} the
     * password (both to be cleared by the receiver).
     */
    public BackupsView(BackupsViewModel vm, DialogService dialogs, BiConsumer<Path, char[]> restore,
                       java.util.function.Consumer<char[]> compact) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.restore = restore;
        this.compact = compact;
    }

    @FXML
    private void initialize() {
        backupTable.setItems(vm.backups());
        vm.selectedProperty().bind(backupTable.getSelectionModel().selectedItemProperty());
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                Formats.dateTime(c.getValue().createdAt(), vm.zone())));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.get("backups.kind."
                + c.getValue().kind().name())));
        statusColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(col -> new StatusCell());
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(size(c.getValue().sizeBytes())));
        rowsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format("%,d", c.getValue().rows())));
        schemaColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().schemaVersion()));
        fileColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fileName()));
        folderField.textProperty().bindBidirectional(vm.folderProperty());
        keepDailyField.textProperty().bindBidirectional(vm.keepDailyProperty());
        keepWeeklyField.textProperty().bindBidirectional(vm.keepWeeklyProperty());
        for (Label error : new Label[] {folderError, keepError}) {
            error.visibleProperty().bind(error.textProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
        }
        folderError.textProperty().bind(vm.folderErrorProperty());
        keepError.textProperty().bind(vm.keepErrorProperty());
        sameDiskLabel.textProperty().bind(vm.sameDiskWarningProperty());
        sameDiskLabel.visibleProperty().bind(vm.sameDiskWarningProperty().isNotEmpty());
        sameDiskLabel.managedProperty().bind(sameDiskLabel.visibleProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.busyProperty());
        databaseLabel.textProperty().bind(vm.databaseSizeProperty());
        for (Button b : new Button[] {createButton, saveButton, browseButton, compactButton}) {
            b.disableProperty().bind(vm.busyProperty());
        }
        var noSelection = backupTable.getSelectionModel().selectedItemProperty().isNull();
        verifyButton.disableProperty().bind(vm.busyProperty().or(noSelection));
        restoreButton.disableProperty().bind(vm.busyProperty().or(noSelection));
        vm.load();
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0) : String.format("%d KB", bytes / 1024);
    }

    @FXML
    private void onCreate() {
        vm.createNow();
    }

    @FXML
    private void onVerify() {
        vm.verifySelected();
    }

    @FXML
    private void onSave() {
        vm.saveSettings();
    }

    @FXML
    private void onBrowse() {
        dialogs.chooseFolder(Messages.get("backups.folder"), Path.of(vm.folderProperty().get().isBlank() ? "."
                : vm.folderProperty().get())).ifPresent(p -> vm.folderProperty().set(p.toString()));
    }

    @FXML
    private void onRestore() {
        Path file = vm.selectedFile();
        if (file == null) {
            return;
        }
        BackupInfo b = vm.selectedProperty().get();
        if (!b.good()) {
            dialogs.showError(Messages.get("backups.restore"), Messages.get("backups.restoreNotGood"));
            return;
        }
        if (!dialogs.confirm(Messages.get("backups.restore"), vm.restoreWarning())) {
            return;
        }
        dialogs.askPassword(Messages.get("backups.restore"), Messages.get("backups.restorePasswordHeader"),
                Messages.get("field.password")).ifPresent(pw -> restore.accept(file, pw));
    }

    @FXML
    private void onCompact() {
        if (!dialogs.confirm(Messages.get("compact.action"), Messages.get("compact.warning"))) {
            return;
        }
        dialogs.askPassword(Messages.get("compact.action"), Messages.get("compact.passwordHeader"),
                Messages.get("field.password")).ifPresent(compact);
    }

    /** Status in words, coloured: verified, failed (with the reason as a tooltip), or not yet checked. */
    private static final class StatusCell extends TableCell<BackupInfo, BackupInfo> {
        @Override
        protected void updateItem(BackupInfo b, boolean empty) {
            super.updateItem(b, empty);
            getStyleClass().removeAll("success", "danger", "warning");
            if (empty || b == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(Messages.get("backups.status." + b.status().name()));
            getStyleClass().add(b.status() == BackupStatus.VERIFIED ? "success"
                    : b.status() == BackupStatus.FAILED ? "danger" : "warning");
            setTooltip(b.problem() == null ? null : new javafx.scene.control.Tooltip(b.problem()));
        }
    }
}
