package clinic.threshold.ui.patients;

import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.Navigator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;

/** The patient chart: header with the registry facts and actions, and the tabs that work so far. */
public final class PatientChartView {
    private final PatientChartViewModel vm;
    private final Navigator navigator;
    private final DialogService dialogs;
    private final Clock clock;

    @FXML private Label nameLabel;
    @FXML private Label statusBadge;
    @FXML private Label summaryLabel;
    @FXML private Label medicationFlagsLabel;
    @FXML private Label riskAlertLabel;
    @FXML private Label tmsLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button editButton;
    @FXML private Button holdButton;
    @FXML private Button reactivateButton;
    @FXML private Button dischargeButton;
    @FXML private Button voidButton;
    @FXML private GridPane overviewGrid;
    @FXML private javafx.scene.control.TabPane tabs;

    public PatientChartView(PatientChartViewModel vm, Navigator navigator, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.navigator = navigator;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        for (Button b : List.of(editButton, holdButton, reactivateButton, dischargeButton, voidButton)) {
            b.disableProperty().bind(vm.busyProperty().or(vm.dataProperty().isNull()));
        }
        boolean write = vm.may(Permission.PATIENT_WRITE);
        for (Button b : List.of(editButton, holdButton, reactivateButton, dischargeButton)) {
            b.setVisible(write);
            b.setManaged(write);
        }
        voidButton.setVisible(vm.may(Permission.PATIENT_VOID));
        voidButton.setManaged(voidButton.isVisible());
        vm.dataProperty().addListener((o, a, d) -> show(d));
        vm.load();
    }

    private void show(PatientChartViewModel.ChartData d) {
        if (d == null) {
            return;
        }
        Patient p = d.patient();
        PatientDetails det = p.details();
        nameLabel.setText(PatientNames.listName(det));
        statusBadge.setText(Formats.status(p.status()));
        statusBadge.getStyleClass().removeAll("status-ACTIVE", "status-ON_HOLD", "status-DISCHARGED");
        statusBadge.getStyleClass().add("status-" + p.status().name());
        summaryLabel.setText(Messages.get("chart.summary", d.age(), p.mrn(), Formats.date(det.birthDate()),
                d.payerName() == null ? Messages.get("patient.editor.noPayer") : d.payerName()));
        boolean write = vm.may(Permission.PATIENT_WRITE);
        holdButton.setVisible(write && p.status() == PatientStatus.ACTIVE);
        holdButton.setManaged(holdButton.isVisible());
        reactivateButton.setVisible(write && p.status() != PatientStatus.ACTIVE);
        reactivateButton.setManaged(reactivateButton.isVisible());
        dischargeButton.setVisible(write && p.status() != PatientStatus.DISCHARGED);
        dischargeButton.setManaged(dischargeButton.isVisible());
        fillOverview(d);
    }

    private void fillOverview(PatientChartViewModel.ChartData d) {
        PatientDetails det = d.patient().details();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("field.mrn", det.mrn()));
        rows.add(row("field.givenName", det.givenName()));
        rows.add(row("field.familyName", det.familyName()));
        rows.add(row("field.preferredName", det.preferredName()));
        rows.add(row("field.birthDate", Formats.date(det.birthDate())));
        rows.add(row("field.sex", Formats.sex(det.sex())));
        rows.add(row("field.genderIdentity", det.genderIdentity()));
        rows.add(row("field.phone", det.phone()));
        rows.add(row("field.email", det.email()));
        rows.add(row("field.address", address(det.address())));
        rows.add(row("field.emergencyContact", join(det.emergencyContact().name(), det.emergencyContact().phone())));
        rows.add(row("field.payer", join(d.payerName(), det.memberId())));
        rows.add(row("field.referringProvider", det.referringProvider()));
        boolean clinical = vm.may(Permission.CLINICAL_READ);
        if (clinical) {
            rows.add(row("field.primaryDiagnosis", d.diagnosis() == null ? null : d.diagnosis().label()));
        }
        rows.add(row("field.status", Formats.status(d.patient().status())
                + (d.patient().dischargedOn() == null ? ""
                : " " + Messages.get("chart.dischargedOn", Formats.date(d.patient().dischargedOn())))));
        if (clinical) {
            rows.add(row("field.notes", det.notes()));
        }
        overviewGrid.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i)[0]);
            key.getStyleClass().add("text-muted");
            Label value = new Label(Formats.orDash(rows.get(i)[1]));
            value.setWrapText(true);
            overviewGrid.addRow(i, key, value);
        }
    }

    private static String[] row(String key, String value) {
        return new String[] {Messages.get(key), value};
    }

    private static String address(PatientDetails.Address a) {
        return join(a.line(), join(a.city(), join(a.region(), a.postalCode())));
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + ", " + b;
    }

    @FXML
    private void onEdit() {
        navigator.editPatient(vm.patientId());
    }

    @FXML
    private void onHold() {
        vm.putOnHold();
    }

    @FXML
    private void onReactivate() {
        vm.reactivate();
    }

    @FXML
    private void onDischarge() {
        dialogs.askDate(Messages.get("chart.discharge.title"), Messages.get("chart.discharge.header", vm.title()),
                Messages.get("chart.discharge.label"), LocalDate.now(clock)).ifPresent(vm::discharge);
    }

    @FXML
    private void onVoid() {
        dialogs.askText(Messages.get("chart.void.title"), Messages.get("chart.void.header", vm.title()),
                Messages.get("chart.void.label")).ifPresent(vm::voidPatient);
    }

    /** Adds a tab built elsewhere (the treatment history, for those who may read clinical data). */
    public void addTab(String id, String title, javafx.scene.Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setId(id);
        tabs.getTabs().add(tab);
    }

    public PatientChartViewModel viewModel() {
        return vm;
    }

    /**
     * Shows on the chart header what the medication record flags for safety: drugs that lower the seizure
     * threshold and open motor-threshold prompts (from the Medications tab's data, loaded once).
     */
    public void bindMedicationFlags(javafx.beans.value.ObservableValue<clinic.threshold.domain.medication.MedicationOverview> o) {
        o.addListener((obs, a, m) -> {
            java.util.List<String> parts = new java.util.ArrayList<>();
            if (m != null && !m.seizureFlags().isEmpty()) {
                parts.add(Messages.get("chart.flag.seizure", String.join(", ", m.seizureFlags().keySet())));
            }
            if (m != null && !m.prompts().isEmpty()) {
                parts.add(Messages.get("chart.flag.mt", m.prompts().size()));
            }
            medicationFlagsLabel.setText(String.join("  \u00b7  ", parts));
            medicationFlagsLabel.setVisible(!parts.isEmpty());
            medicationFlagsLabel.setManaged(!parts.isEmpty());
        });
    }

    /**
     * Shows the active TMS course on the chart header (session count, phase, next session) with what needs
     * someone: misses in a row, a gap decision, the motor threshold, a screening that blocks treatment.
     */
    public void bindTms(javafx.beans.value.ObservableValue<clinic.threshold.domain.tms.TmsOverview> o) {
        o.addListener((obs, a, t) -> {
            String text = t == null ? "" : TmsHeader.text(t);
            tmsLabel.setText(text);
            tmsLabel.getStyleClass().removeAll("danger", "accent");
            tmsLabel.getStyleClass().add(t != null && TmsHeader.urgent(t) ? "danger" : "accent");
            tmsLabel.setVisible(!text.isEmpty());
            tmsLabel.setManaged(!text.isEmpty());
        });
    }

    /** Shows an open suicide-risk alert on the chart header until a clinician documents the review. */
    public void bindRiskAlerts(javafx.beans.value.ObservableValue<clinic.threshold.domain.outcome.OutcomeOverview> o) {
        o.addListener((obs, a, m) -> {
            boolean open = m != null && !m.openAlerts().isEmpty();
            riskAlertLabel.setText(open ? Messages.get("chart.flag.risk", m.openAlerts().size(),
                    Formats.date(m.openAlerts().get(0).ratedOn())) : "");
            riskAlertLabel.setVisible(open);
            riskAlertLabel.setManaged(open);
        });
    }
}
