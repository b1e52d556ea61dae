package clinic.threshold.ui.admin;

import clinic.threshold.domain.payer.ExclusionRuleRow;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
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
import javafx.scene.control.Tooltip;

/**
 * The exclusion rules tab of the reference data ("Exclusions in the chart"): which chart record shows which excluded
 * condition. Unconfirmed and design mappings are marked in the warning colour, as the other reference tabs mark
 * unconfirmed numbers; retired rules stay listed, muted. Administrators add and retire; others read.
 */
public final class ExclusionRulesView {
    /** Style class of a confidence cell whose rule needs review (unconfirmed or a design mapping). */
    static final String REVIEW_STYLE = "exclusion-rule-review";
    private static final String RETIRED_STYLE = "exclusion-rule-retired";
    private final ExclusionRulesViewModel vm;
    private final DialogService dialogs;

    @FXML private TableView<ExclusionRuleRow> exclusionRuleTable;
    @FXML private Button exclusionRuleAddButton;
    @FXML private Button exclusionRuleRetireButton;
    @FXML private Label exclusionRuleReviewLabel;
    @FXML private Label exclusionRuleMessage;
    @FXML private Label exclusionRuleError;
    @FXML private ProgressIndicator exclusionRuleBusy;

    public ExclusionRulesView(ExclusionRulesViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        exclusionRuleBusy.visibleProperty().bind(vm.busyProperty());
        exclusionRuleMessage.textProperty().bind(vm.messageProperty());
        exclusionRuleError.textProperty().bind(vm.errorProperty());
        for (Label l : List.of(exclusionRuleMessage, exclusionRuleError)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        exclusionRuleReviewLabel.textProperty().bind(vm.reviewProperty());
        boolean edit = vm.mayEdit();
        for (Button b : List.of(exclusionRuleAddButton, exclusionRuleRetireButton)) {
            b.setVisible(edit);
            b.setManaged(edit);
        }
        var selected = exclusionRuleTable.getSelectionModel().selectedItemProperty();
        exclusionRuleAddButton.disableProperty().bind(vm.busyProperty());
        // Only a rule in force can be retired; a retired one is put back with Add.
        exclusionRuleRetireButton.disableProperty().bind(vm.busyProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().active(), selected)));
        exclusionRuleTable.setItems(vm.rows());
        exclusionRuleTable.getColumns().setAll(List.of(
                column("payer.exclusionRule.col.condition", r -> ExclusionRuleText.condition(r.rule().exclusion()), 340),
                column("payer.exclusionRule.col.evidence", r -> ExclusionRuleText.evidence(r.rule().evidence()), 150),
                column("payer.exclusionRule.col.match", r -> r.rule().match(), 100),
                confidenceColumn(), // before the wide columns, so that the marker shows however narrow the window
                column("payer.exclusionRule.col.status", r -> Messages.get(r.active() ? "payer.exclusionRule.status.active"
                        : "payer.exclusionRule.status.retired"), 90),
                column("payer.exclusionRule.col.recorded", vm::recorded, 200),
                column("payer.exclusionRule.col.source", r -> r.rule().source(), 560)));
        // Wide rows (the source): scroll sideways rather than cut every column short.
        exclusionRuleTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.load();
    }

    /** The confidence in words; unconfirmed and design mappings in the warning colour, to be reviewed before use. */
    private static TableColumn<ExclusionRuleRow, String> confidenceColumn() {
        TableColumn<ExclusionRuleRow, String> c = column("reference.col.confidence",
                r -> Messages.label(r.rule().confidence()), 150);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("warning", REVIEW_STYLE);
                ExclusionRuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.needsReview()) {
                    getStyleClass().addAll("warning", REVIEW_STYLE);
                }
            }
        });
        return c;
    }

    /** A text column whose whole text shows in a tooltip (conditions and sources are long); retired rules muted. */
    private static TableColumn<ExclusionRuleRow, String> column(String key, Function<ExclusionRuleRow, String> value,
            double width) {
        TableColumn<ExclusionRuleRow, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : tooltip(item));
                getStyleClass().removeAll("text-muted", RETIRED_STYLE);
                ExclusionRuleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && !row.active()) {
                    getStyleClass().addAll("text-muted", RETIRED_STYLE);
                }
            }
        });
        return c;
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        return t;
    }

    @FXML
    private void onAdd() {
        ExclusionRuleForm.show(exclusionRuleTable.getScene().getWindow(), vm);
    }

    @FXML
    private void onRetire() {
        ExclusionRuleRow r = exclusionRuleTable.getSelectionModel().getSelectedItem();
        if (r != null && r.active() && dialogs.confirm(Messages.get("payer.exclusionRule.retireTitle"),
                Messages.get("payer.exclusionRule.retireConfirm", ExclusionRuleText.args(r.rule())))) {
            vm.retire(r);
        }
    }
}
