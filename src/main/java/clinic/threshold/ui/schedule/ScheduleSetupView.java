package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Absence;
import clinic.threshold.domain.schedule.Chair;
import clinic.threshold.domain.schedule.Physician;
import clinic.threshold.domain.schedule.ScheduleResources;
import clinic.threshold.domain.schedule.Technician;
import clinic.threshold.i18n.Messages;
import java.util.stream.Collectors;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * Chairs and staff: the clinic's hours, the chairs with the protocols they deliver, technicians with their
 * training and hours, supervising physicians' on-site hours, and absences (a chair out of service, a technician
 * away). Administrators change the set-up; schedulers record absences.
 */
public final class ScheduleSetupView {
    private final ScheduleSetupViewModel vm;
    private final SetupForms forms;
    private final boolean admin;
    @FXML private Label hoursLabel;
    @FXML private Button hoursButton;
    @FXML private ListView<Chair> chairList;
    @FXML private ListView<Technician> techList;
    @FXML private ListView<Physician> doctorList;
    @FXML private ListView<Absence> absenceList;
    @FXML private Button addChairButton;
    @FXML private Button editChairButton;
    @FXML private Button addTechButton;
    @FXML private Button editTechButton;
    @FXML private Button addDoctorButton;
    @FXML private Button editDoctorButton;
    @FXML private Button endAbsenceButton;
    @FXML private Label setupMessage;

    public ScheduleSetupView(ScheduleSetupViewModel vm, boolean admin) {
        this.vm = vm;
        this.admin = admin;
        this.forms = new SetupForms(vm);
    }

    @FXML
    private void initialize() {
        for (Button b : java.util.List.of(hoursButton, addChairButton, editChairButton, addTechButton, editTechButton,
                addDoctorButton, editDoctorButton)) {
            b.setDisable(!admin);
        }
        editChairButton.disableProperty().bind(chairList.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        editTechButton.disableProperty().bind(techList.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        editDoctorButton.disableProperty().bind(doctorList.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !admin)));
        endAbsenceButton.disableProperty().bind(absenceList.getSelectionModel().selectedItemProperty().isNull());
        chairList.setCellFactory(l -> new ScheduleView.NamedCell<>(c -> Messages.get("schedule.setup.chairLine", c.name(),
                c.deviceCode(), c.coil(), String.join(", ", c.protocols().stream().sorted().toList()),
                c.hours() == null ? Messages.get("schedule.setup.clinicHoursShort") : HoursText.format(c.hours()).replace("\n", "; "),
                c.active() ? "" : Messages.get("schedule.setup.outOfUse"))));
        techList.setCellFactory(l -> new ScheduleView.NamedCell<>(t -> Messages.get("schedule.setup.techLine", t.name(),
                t.maxConcurrentChairs(), String.join(", ", t.protocols().stream().sorted().toList()),
                HoursText.format(t.hours()).replace("\n", "; "), t.active() ? "" : Messages.get("schedule.setup.outOfUse"))));
        doctorList.setCellFactory(l -> new ScheduleView.NamedCell<>(p -> Messages.get("schedule.setup.doctorLine", p.name(),
                HoursText.format(p.hours()).replace("\n", "; "), p.active() ? "" : Messages.get("schedule.setup.outOfUse"))));
        absenceList.setCellFactory(l -> new ScheduleView.NamedCell<>(a -> Messages.get("schedule.setup.absenceLine",
                name(a), a.from(), a.to(), a.reason())));
        for (ListView<?> l : java.util.List.of(chairList, techList, doctorList, absenceList)) {
            l.getStyleClass().add("wrapping-list");
        }
        vm.resourcesProperty().addListener((o, a, r) -> show(r));
        setupMessage.textProperty().bind(vm.messageProperty());
        vm.load();
    }

    private String name(Absence a) {
        ScheduleResources r = vm.resourcesProperty().get();
        return a.kind() == Absence.Kind.CHAIR ? r.chairName(a.resourceId()) : r.technicianName(a.resourceId());
    }

    private void show(ScheduleResources r) {
        hoursLabel.setText(HoursText.format(r.clinicHours()).lines().collect(Collectors.joining("; ")));
        chairList.getItems().setAll(r.chairs());
        techList.getItems().setAll(r.technicians());
        doctorList.getItems().setAll(r.physicians());
        absenceList.getItems().setAll(r.absences());
    }

    private javafx.stage.Window window() {
        return chairList.getScene().getWindow();
    }

    @FXML
    private void onHours() {
        forms.hours(window());
    }

    @FXML
    private void onAddChair() {
        forms.chair(window(), null);
    }

    @FXML
    private void onEditChair() {
        forms.chair(window(), chairList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onAddTech() {
        forms.technician(window(), null);
    }

    @FXML
    private void onEditTech() {
        forms.technician(window(), techList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onAddDoctor() {
        forms.physician(window(), null);
    }

    @FXML
    private void onEditDoctor() {
        forms.physician(window(), doctorList.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void onAddAbsence() {
        forms.absence(window());
    }

    @FXML
    private void onEndAbsence() {
        Absence a = absenceList.getSelectionModel().getSelectedItem();
        if (a != null) {
            vm.endAbsence(a);
        }
    }
}
