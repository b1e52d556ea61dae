package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.PayerPolicy;
import clinic.threshold.domain.payer.PolicyRow;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * The Payer policies tab of the reference data: each policy's newest version, unverified ones marked in the warning
 * colour until an administrator has checked them against the payer's text. Administrators edit (a new version),
 * verify, link, import and export; others read.
 */
public final class PolicyAdminView {
    private final PolicyAdminViewModel vm;
    private final DialogService dialogs;

    @FXML private TableView<PolicyRow> policyAdminTable;
    @FXML private Button policyAdminEditButton;
    @FXML private Button policyAdminNewButton;
    @FXML private Button policyAdminVerifyButton;
    @FXML private Button policyAdminLinkButton;
    @FXML private Button policyAdminImportButton;
    @FXML private Button policyAdminExportButton;
    @FXML private Label policyAdminUnverifiedLabel;
    @FXML private Label policyAdminMessage;
    @FXML private Label policyAdminError;
    @FXML private ProgressIndicator policyAdminBusy;

    public PolicyAdminView(PolicyAdminViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    public PolicyAdminViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        policyAdminBusy.visibleProperty().bind(vm.busyProperty());
        policyAdminMessage.textProperty().bind(vm.messageProperty());
        policyAdminError.textProperty().bind(vm.errorProperty());
        for (Label l : List.of(policyAdminMessage, policyAdminError)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        policyAdminUnverifiedLabel.textProperty().bind(vm.unverifiedProperty());
        boolean edit = vm.mayEdit();
        for (Button b : List.of(policyAdminEditButton, policyAdminNewButton, policyAdminVerifyButton, policyAdminLinkButton,
                policyAdminImportButton, policyAdminExportButton)) {
            b.setVisible(edit);
            b.setManaged(edit);
        }
        var none = policyAdminTable.getSelectionModel().selectedItemProperty().isNull();
        policyAdminEditButton.disableProperty().bind(none.or(vm.busyProperty()));
        policyAdminLinkButton.disableProperty().bind(none.or(vm.busyProperty()));
        policyAdminVerifyButton.disableProperty().bind(none.or(vm.busyProperty()));
        policyAdminImportButton.disableProperty().bind(vm.busyProperty());
        policyAdminExportButton.disableProperty().bind(vm.busyProperty());
        policyAdminTable.setItems(vm.rows());
        policyAdminTable.getColumns().setAll(List.of(
                column("payer.policyAdmin.col.code", r -> r.policy().code(), 235),
                verifiedColumn(), // second, so that the marker shows however narrow the window
                column("payer.policyAdmin.col.payer", r -> r.policy().payer(), 180),
                column("payer.policyAdmin.col.plan", r -> Formats.orDash(r.policy().plan()), 170),
                column("payer.policyAdmin.col.version", r -> Integer.toString(r.policy().version()), 80),
                column("payer.policyAdmin.col.from", r -> Formats.date(r.policy().effectiveFrom()), 115),
                column("payer.policyAdmin.col.to", r -> r.policy().effectiveTo() == null ? ""
                        : Formats.date(r.policy().effectiveTo()), 115),
                column("payer.policyAdmin.col.linked", r -> String.join(", ", r.linkedPayers()), 220),
                column("payer.policyAdmin.col.source", r -> r.policy().source(), 420)));
        // Wide rows (the source): scroll sideways rather than cut every column short.
        policyAdminTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.load();
    }

    /** Verified on and by, or the "unverified: review before use" marker in the warning colour. */
    private static TableColumn<PolicyRow, String> verifiedColumn() {
        TableColumn<PolicyRow, String> c = column("payer.policyAdmin.col.verified", r -> r.verified()
                ? Messages.get("payer.policyAdmin.verifiedBy", Formats.date(r.policy().verifiedOn()),
                        Formats.orDash(r.verifiedBy()))
                : Messages.get("payer.policyAdmin.unverified"), 230);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("warning", "policy-unverified");
                PolicyRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && !row.verified()) {
                    getStyleClass().addAll("warning", "policy-unverified");
                }
            }
        });
        return c;
    }

    private static TableColumn<PolicyRow, String> column(String key, Function<PolicyRow, String> value, double width) {
        TableColumn<PolicyRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Window window() {
        return policyAdminTable.getScene().getWindow();
    }

    private PolicyRow selected() {
        return policyAdminTable.getSelectionModel().getSelectedItem();
    }

    @FXML
    private void onEdit() {
        PolicyRow r = selected();
        if (r != null) {
            PolicyForm.show(window(), r.policy(), vm);
        }
    }

    @FXML
    private void onNew() {
        PolicyForm.show(window(), null, vm);
    }

    @FXML
    private void onLink() {
        PolicyRow r = selected();
        if (r != null) {
            PolicyLinkForm.show(window(), r, vm);
        }
    }

    @FXML
    private void onVerify() {
        PolicyRow r = selected();
        if (r == null) {
            return;
        }
        PayerPolicy p = r.policy();
        if (dialogs.confirm(Messages.get("payer.policyAdmin.verifyTitle"), Messages.get("payer.policyAdmin.verifyConfirm",
                p.code(), p.version(), Formats.orDash(p.source())))) {
            vm.verify(r);
        }
    }

    @FXML
    private void onImport() {
        dialogs.chooseOpenFile(Messages.get("payer.policyAdmin.importTitle")).ifPresent(vm::importFrom);
    }

    @FXML
    private void onExport() {
        dialogs.chooseSaveFile(Messages.get("payer.policyAdmin.exportTitle"), "payer-policies.json").ifPresent(vm::exportTo);
    }
}
