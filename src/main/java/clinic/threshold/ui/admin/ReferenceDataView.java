package clinic.threshold.ui.admin;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.FormularyAgent;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.i18n.Messages;
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
import javafx.scene.control.TextField;

/** Reference data screen: the formulary and the TRD rules in force, unconfirmed numbers marked. */
public final class ReferenceDataView {
    private final ReferenceDataViewModel vm;

    @FXML private TableView<FormularyAgent> formularyTable;
    @FXML private TableView<RuleSetting> rulesTable;
    @FXML private TextField filterField;
    @FXML private Button agentVersionButton;
    @FXML private Button newAgentButton;
    @FXML private Button ruleVersionButton;
    @FXML private Label errorLabel;
    @FXML private Label unconfirmedLabel;
    @FXML private ProgressIndicator busyIndicator;

    @FXML private TableView<clinic.threshold.domain.medication.MedicationRule> medicationRulesTable;
    @FXML private TableView<clinic.threshold.domain.medication.DrugGroupMember> membersTable;
    @FXML private Button medRuleVersionButton;
    @FXML private Button newMedRuleButton;
    @FXML private Button addMemberButton;
    @FXML private Button removeMemberButton;

    @FXML private javafx.scene.control.TabPane referenceTabs;
    @FXML private javafx.scene.control.Tab policyAdminTab;
    @FXML private javafx.scene.control.Tab exclusionRuleTab;
    private final clinic.threshold.ui.common.DialogService dialogs;

    /** Adds a tab built elsewhere (the TMS reference data). */
    public void addTab(String title, javafx.scene.Node content) {
        referenceTabs.getTabs().add(new javafx.scene.control.Tab(title, content));
    }

    public ReferenceDataView(ReferenceDataViewModel vm, clinic.threshold.ui.common.DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        boolean edit = vm.mayEdit();
        for (Button b : List.of(agentVersionButton, newAgentButton, ruleVersionButton, medRuleVersionButton,
                newMedRuleButton, addMemberButton, removeMemberButton)) {
            b.setVisible(edit);
            b.setManaged(edit);
        }
        agentVersionButton.disableProperty().bind(formularyTable.getSelectionModel().selectedItemProperty().isNull());
        ruleVersionButton.disableProperty().bind(rulesTable.getSelectionModel().selectedItemProperty().isNull());
        formularyTable.setItems(vm.agents());
        rulesTable.setItems(vm.rules());
        formularyTable.getColumns().setAll(List.of(
                column("reference.col.generic", FormularyAgent::genericName),
                column("reference.col.brands", a -> String.join(", ", a.brandNames())),
                column("reference.col.class", a -> Messages.label(a.drugClass())
                        + (a.subclass() == null ? "" : " (" + a.subclass() + ")")),
                column("reference.col.min", a -> Formats.number(a.minAdequateMgPerDay())),
                column("reference.col.max", a -> Formats.number(a.maxPlausibleMgPerDay())),
                confidenceColumn(FormularyAgent::confidence),
                column("reference.col.effective", a -> Formats.date(a.effectiveFrom())),
                column("reference.col.note", vm::note),
                column("reference.col.source", FormularyAgent::source)));
        rulesTable.getColumns().setAll(List.of(
                column("reference.col.rule", r -> Messages.get("reference.rule." + r.key())),
                column("reference.col.key", RuleSetting::key),
                column("reference.col.value", RuleSetting::value),
                confidenceColumn(RuleSetting::confidence),
                column("reference.col.effective", r -> Formats.date(r.effectiveFrom())),
                column("reference.col.source", RuleSetting::source)));
        double[] widths = {150, 150, 140, 150, 155, 120, 110, 170};
        for (int i = 0; i < widths.length; i++) {
            formularyTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        clinic.threshold.ui.common.Tables.flexLastColumn(formularyTable);
        clinic.threshold.ui.common.Tables.flexLastColumn(rulesTable);
        medicationColumns();
        policyAdminTab.setContent(clinic.threshold.ui.common.ViewLoader.load(new PolicyAdminView(vm.policyAdmin(), dialogs)));
        exclusionRuleTab.setContent(clinic.threshold.ui.common.ViewLoader.load(new ExclusionRulesView(vm.exclusionRules(),
                dialogs)));
        vm.agents().addListener((javafx.collections.ListChangeListener<FormularyAgent>) c -> updateUnconfirmed());
        vm.medicationRules().addListener((javafx.collections.ListChangeListener<clinic.threshold.domain.medication.MedicationRule>)
                c -> updateUnconfirmed());
        vm.rules().addListener((javafx.collections.ListChangeListener<RuleSetting>) c -> updateUnconfirmed());
        vm.load();
    }

    private void medicationColumns() {
        medRuleVersionButton.disableProperty().bind(medicationRulesTable.getSelectionModel().selectedItemProperty().isNull());
        removeMemberButton.disableProperty().bind(membersTable.getSelectionModel().selectedItemProperty().isNull());
        medicationRulesTable.setItems(vm.medicationRules());
        membersTable.setItems(vm.members());
        medicationRulesTable.getColumns().setAll(List.of(
                column("reference.col.code", clinic.threshold.domain.medication.MedicationRule::code),
                column("reference.col.kind", r -> Messages.label(r.kind())),
                column("reference.col.subject", r -> r.subject() + (r.other() == null ? "" : " / " + r.other())),
                column("reference.col.limit", r -> r.limit() == null ? "" : Formats.number(r.limit())
                        + (r.form() == null ? "" : " (" + Messages.label(r.form()) + ")")),
                column("reference.col.level", r -> r.active() ? Messages.label(r.level()) : Messages.get("reference.retired")),
                confidenceColumn(clinic.threshold.domain.medication.MedicationRule::confidence),
                column("reference.col.effective", r -> Formats.date(r.effectiveFrom())),
                column("reference.col.message", clinic.threshold.domain.medication.MedicationRule::message),
                column("reference.col.source", clinic.threshold.domain.medication.MedicationRule::source)));
        double[] widths = {210, 140, 220, 120, 90, 110, 110, 420};
        // Minimum widths: the table is laid out first while its tab is hidden, which would squeeze the columns.
        for (int i = 0; i < widths.length; i++) {
            medicationRulesTable.getColumns().get(i).setMinWidth(widths[i] * 0.7);
            medicationRulesTable.getColumns().get(i).setPrefWidth(widths[i]);
        }
        medicationRulesTable.getColumns().get(widths.length).setPrefWidth(420);
        // Wide rows (message and source): scroll sideways rather than cut every column short.
        medicationRulesTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        membersTable.getColumns().setAll(List.of(
                column("reference.col.group", clinic.threshold.domain.medication.DrugGroupMember::group),
                column("reference.col.drug", clinic.threshold.domain.medication.DrugGroupMember::drug),
                confidenceColumn(clinic.threshold.domain.medication.DrugGroupMember::confidence),
                column("reference.col.effective", m -> Formats.date(m.effectiveFrom())),
                column("reference.col.source", clinic.threshold.domain.medication.DrugGroupMember::source)));
        double[] memberWidths = {180, 170, 110, 110};
        for (int i = 0; i < memberWidths.length; i++) {
            membersTable.getColumns().get(i).setMinWidth(memberWidths[i] * 0.7);
            membersTable.getColumns().get(i).setPrefWidth(memberWidths[i]);
        }
        clinic.threshold.ui.common.Tables.flexLastColumn(membersTable);
    }

    @FXML
    private void onMedicationRuleVersion() {
        var r = medicationRulesTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            MedicationRuleDialogs.rule(medicationRulesTable.getScene().getWindow(), r, vm);
        }
    }

    @FXML
    private void onNewMedicationRule() {
        MedicationRuleDialogs.rule(medicationRulesTable.getScene().getWindow(), null, vm);
    }

    @FXML
    private void onAddMember() {
        MedicationRuleDialogs.member(membersTable.getScene().getWindow(), null, vm);
    }

    @FXML
    private void onRemoveMember() {
        var m = membersTable.getSelectionModel().getSelectedItem();
        if (m != null) {
            MedicationRuleDialogs.member(membersTable.getScene().getWindow(), m, vm);
        }
    }

    private void updateUnconfirmed() {
        long n = vm.unconfirmedCount();
        unconfirmedLabel.setText(n == 0 ? "" : Messages.get("reference.unconfirmedCount", n));
    }

    private static <T> TableColumn<T, String> column(String key, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** The confidence, with unconfirmed rows in the warning colour so that they are checked before use. */
    private static <T> TableColumn<T, String> confidenceColumn(Function<T, Confidence> confidence) {
        TableColumn<T, String> c = column("reference.col.confidence", t -> Messages.label(confidence.apply(t)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("warning");
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && confidence.apply(getTableRow().getItem()) == Confidence.UNCONFIRMED) {
                    getStyleClass().add("warning");
                }
            }
        });
        return c;
    }

    @FXML
    private void onAgentVersion() {
        FormularyAgent a = formularyTable.getSelectionModel().getSelectedItem();
        if (a != null) {
            ReferenceDialogs.agent(formularyTable.getScene().getWindow(), a, vm.note(a), vm);
        }
    }

    @FXML
    private void onNewAgent() {
        ReferenceDialogs.agent(formularyTable.getScene().getWindow(), null, null, vm);
    }

    @FXML
    private void onRuleVersion() {
        RuleSetting r = rulesTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            ReferenceDialogs.rule(rulesTable.getScene().getWindow(), r, vm);
        }
    }
}
