package clinic.threshold.ui.payer;

import clinic.threshold.domain.payer.Readiness;
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

    public PayerView(PayerViewModel vm) {
        this.vm = vm;
    }

    public PayerViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        payerCriteriaTable.getColumns().add(column("payer.col.criterion", c -> Messages.get("payer.criterion." + c.id()), 180));
        payerCriteriaTable.getColumns().add(column("payer.col.status", c -> Messages.get("payer.status." + c.status().name()), 100));
        payerCriteriaTable.getColumns().add(column("payer.col.evidence", c -> c.evidenceKey() == null ? ""
                : Messages.withValues(c.evidenceKey(), c.evidence()), 380));
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
        vm.load();
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
