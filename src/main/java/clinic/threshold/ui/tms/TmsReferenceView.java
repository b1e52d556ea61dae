package clinic.threshold.ui.tms;

import clinic.threshold.domain.history.Confidence;
import clinic.threshold.domain.history.RuleSetting;
import clinic.threshold.domain.tms.CourseTemplate;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Window;

/**
 * The TMS tab of the reference data: protocols with their course templates, devices with their output limit,
 * and the TMS and outcome rules by version. Unconfirmed rows are marked; administrators edit, others read.
 */
public final class TmsReferenceView {
    private final TmsReferenceViewModel vm;

    @FXML private Label refError;
    @FXML private TableView<Protocol> protocolTable;
    @FXML private TableView<Device> deviceTable;
    @FXML private TableView<TmsReferenceViewModel.Rule> tmsRuleTable;
    @FXML private Button editProtocolButton;
    @FXML private Button newProtocolButton;
    @FXML private Button editDeviceButton;
    @FXML private Button newDeviceButton;
    @FXML private Button ruleVersionButton2;

    public TmsReferenceView(TmsReferenceViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        refError.textProperty().bind(vm.errorProperty());
        boolean edit = vm.mayEdit();
        for (Button b : List.of(editProtocolButton, newProtocolButton, editDeviceButton, newDeviceButton, ruleVersionButton2)) {
            b.setVisible(edit);
            b.setManaged(edit);
        }
        editProtocolButton.disableProperty().bind(protocolTable.getSelectionModel().selectedItemProperty().isNull());
        editDeviceButton.disableProperty().bind(deviceTable.getSelectionModel().selectedItemProperty().isNull());
        ruleVersionButton2.disableProperty().bind(tmsRuleTable.getSelectionModel().selectedItemProperty().isNull());
        protocolTable.setId("tms-protocols");
        protocolTable.getColumns().setAll(List.of(
                col("tms.ref.col.code", Protocol::code, 90), col("tms.ref.col.name", Protocol::name, 190),
                col("tms.ref.col.stimulation", p -> Messages.get("tms.ref.stimulation", Formats.number(p.frequencyHz()),
                        p.pulses(), Formats.number(p.stimulationMinutes())), 190),
                col("tms.ref.col.intensity", p -> Messages.get("tms.ref.intensity", p.intensityPctMt(), p.minPctMt(),
                        p.maxPctMt()), 120),
                col("tms.ref.col.slot", p -> Messages.get("tms.ref.slot", p.slotMinutes(), p.firstSlotMinutes()), 110),
                col("tms.ref.col.course", TmsReferenceView::course, 230),
                col("tms.ref.col.assessment", p -> Messages.get("tms.ref.assess", p.assessmentScale(), p.assessEveryDays()), 120),
                col("tms.ref.col.flags", p -> (p.offLabel() ? Messages.get("tms.flag.offLabel") : "")
                        + (p.active() ? "" : " " + Messages.get("tms.ref.inactive")), 120),
                col("reference.col.confidence", p -> Messages.label(p.confidence()), 100),
                col("reference.col.source", Protocol::source, 400)));
        marked(protocolTable, Protocol::confidence);
        deviceTable.getColumns().setAll(List.of(col("tms.ref.col.code", Device::code, 90),
                col("tms.ref.col.name", Device::name, 200), col("tms.field.coil", Device::coil, 100),
                col("tms.ref.col.max", d -> d.maxOutputPct() + "%", 110),
                col("tms.ref.col.flags", d -> d.active() ? "" : Messages.get("tms.ref.inactive"), 90),
                col("reference.col.confidence", d -> Messages.label(d.confidence()), 100),
                col("reference.col.source", Device::source, 360)));
        marked(deviceTable, Device::confidence);
        tmsRuleTable.getColumns().setAll(List.of(
                col("tms.ref.col.set", r -> Messages.get("tms.ref.set." + r.set().name()), 90),
                col("reference.col.rule", r -> r.rule().key(), 210), col("reference.col.value", r -> r.rule().value(), 70),
                col("reference.col.effective", r -> Formats.date(r.rule().effectiveFrom()), 100),
                col("reference.col.confidence", r -> Messages.label(r.rule().confidence()), 100),
                col("reference.col.source", r -> r.rule().source(), 480)));
        marked(tmsRuleTable, r -> r.rule().confidence());
        vm.dataProperty().addListener((o, a, d) -> show(d));
        vm.load();
    }

    private void show(clinic.threshold.domain.tms.TmsReferenceData d) {
        protocolTable.setItems(FXCollections.observableArrayList(d.protocols()));
        deviceTable.setItems(FXCollections.observableArrayList(d.devices()));
        List<TmsReferenceViewModel.Rule> rules = new ArrayList<>();
        d.tmsRules().forEach(r -> rules.add(new TmsReferenceViewModel.Rule(TmsReferenceViewModel.RuleSet.TMS, r)));
        d.outcomeRules().forEach(r -> rules.add(new TmsReferenceViewModel.Rule(TmsReferenceViewModel.RuleSet.OUTCOME, r)));
        tmsRuleTable.setItems(FXCollections.observableArrayList(rules));
    }

    private static String course(Protocol p) {
        CourseTemplate t = p.template();
        return Messages.get(t.accelerated() ? "tms.ref.courseAccelerated" : "tms.ref.courseValue", t.acuteSessions(),
                t.sessionsPerWeek(), t.sessionsPerDay(), t.minIntervalMinutes(),
                t.taperPattern().isEmpty() ? Messages.get("tms.ref.noTaper") : CourseTemplate.formatPattern(t.taperPattern()));
    }

    private static <T> TableColumn<T, String> col(String key, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(value.apply(x.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Unconfirmed rows stand out: the numbers need the clinic's review before use. */
    private static <T> void marked(TableView<T> table, Function<T, Confidence> confidence) {
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("tms-unconfirmed");
                if (!empty && item != null && confidence.apply(item) == Confidence.UNCONFIRMED) {
                    getStyleClass().add("tms-unconfirmed");
                }
            }
        });
    }

    private Window window() {
        return protocolTable.getScene().getWindow();
    }

    private String defaultScale() {
        return vm.dataProperty().get() == null ? null : vm.dataProperty().get().defaultScale();
    }

    private List<String> scales() {
        return vm.dataProperty().get() == null ? List.of() : vm.dataProperty().get().scales();
    }

    @FXML
    private void onEditProtocol() {
        Protocol p = protocolTable.getSelectionModel().getSelectedItem();
        if (p != null) {
            ReferenceForms.protocol(window(), p, scales(), defaultScale(), vm);
        }
    }

    @FXML
    private void onNewProtocol() {
        ReferenceForms.protocol(window(), null, scales(), defaultScale(), vm);
    }

    @FXML
    private void onEditDevice() {
        Device d = deviceTable.getSelectionModel().getSelectedItem();
        if (d != null) {
            ReferenceForms.device(window(), d, vm.dataProperty().get().deviceVersions().getOrDefault(d.code(), 0), vm);
        }
    }

    @FXML
    private void onNewDevice() {
        ReferenceForms.device(window(), null, 0, vm);
    }

    @FXML
    private void onRuleVersion() {
        TmsReferenceViewModel.Rule r = tmsRuleTable.getSelectionModel().getSelectedItem();
        if (r != null) {
            ReferenceForms.rule(window(), r, vm);
        }
    }
}
