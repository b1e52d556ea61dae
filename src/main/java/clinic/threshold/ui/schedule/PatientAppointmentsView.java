package clinic.threshold.ui.schedule;

import clinic.threshold.domain.schedule.Appointment;
import clinic.threshold.domain.schedule.Preference;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.DialogFields;
import clinic.threshold.ui.common.DialogService;
import clinic.threshold.ui.common.FormDialog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The patient's appointments (coming ones first; past ones on request), with the calendar file (.ics) and a printed
 * list to hand over, and putting the patient on the waitlist for a course.
 */
public final class PatientAppointmentsView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private final PatientAppointmentsViewModel vm;
    private final DialogService dialogs;
    private final Clock clock;
    @FXML private CheckBox pastBox;
    @FXML private Button waitlistButton;
    @FXML private TableView<Appointment> appointmentTable;
    @FXML private Label appointmentsMessage;

    public PatientAppointmentsView(PatientAppointmentsViewModel vm, DialogService dialogs, Clock clock) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    public PatientAppointmentsViewModel viewModel() {
        return vm;
    }

    @FXML
    private void initialize() {
        appointmentTable.getColumns().add(column("schedule.col.date", a -> a.date().format(DAY), 130));
        appointmentTable.getColumns().add(column("schedule.col.time", a -> a.start().format(HM) + "\u2013" + a.end().format(HM), 100));
        appointmentTable.getColumns().add(column("schedule.col.what", a -> a.kind() == clinic.threshold.domain.schedule.AppointmentKind.TMS
                ? Messages.get("schedule.block.tms", a.protocolName(), a.sessionNumber() == null ? "" : a.sessionNumber())
                : Messages.label(a.kind()), 220));
        appointmentTable.getColumns().add(column("schedule.col.where", a -> a.chairName() != null
                ? a.chairName() + " \u00b7 " + a.technicianName() : a.room() + " \u00b7 " + a.clinician(), 200));
        appointmentTable.getColumns().add(column("schedule.col.status", a -> Messages.label(a.status())
                + (a.statusReason() == null ? "" : ": " + a.statusReason()), 200));
        appointmentTable.setPlaceholder(new Label(Messages.get("schedule.patient.none")));
        appointmentTable.setId("appointmentTable");
        vm.appointmentsProperty().addListener((o, a, b) -> show());
        pastBox.selectedProperty().addListener((o, a, b) -> show());
        appointmentsMessage.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.errorProperty().get().isEmpty() ? vm.messageProperty().get() : vm.errorProperty().get(),
                vm.errorProperty(), vm.messageProperty()));
        waitlistButton.setVisible(vm.mayBook());
        waitlistButton.setManaged(vm.mayBook());
        vm.load();
    }

    private void show() {
        List<Appointment> all = vm.appointmentsProperty().get();
        LocalDate today = LocalDate.now(clock);
        appointmentTable.getItems().setAll(all == null ? List.of() : all.stream()
                .filter(a -> pastBox.isSelected() || !a.date().isBefore(today)).toList());
    }

    private static TableColumn<Appointment, String> column(String key, Function<Appointment, String> value, double width) {
        TableColumn<Appointment, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void onIcs() {
        dialogs.chooseSaveFile(Messages.get("schedule.patient.ics"), "appointments.ics").ifPresent(vm::saveIcs);
    }

    @FXML
    private void onPdf() {
        dialogs.chooseSaveFile(Messages.get("schedule.patient.pdf"), "appointments.pdf").ifPresent(vm::savePdf);
    }

    @FXML
    private void onWaitlist() {
        vm.protocols(this::waitlistForm);
    }

    private void waitlistForm(List<Protocol> protocols) {
        FormDialog f = new FormDialog(appointmentTable.getScene().getWindow(), Messages.get("schedule.waitlist.addTitle"),
                "waitlist-ok", 460);
        ComboBox<Protocol> protocol = new ComboBox<>();
        protocol.setId("waitlist-protocol");
        protocol.getItems().setAll(protocols);
        protocol.setCellFactory(l -> new ScheduleView.NamedCell<>(Protocol::name));
        protocol.setButtonCell(new ScheduleView.NamedCell<>(Protocol::name));
        protocol.getItems().stream().findFirst().ifPresent(protocol::setValue);
        TextField earliest = new TextField("08:00");
        TextField latest = new TextField("10:00");
        TextField note = new TextField();
        f.row("schedule.field.protocol", protocol);
        f.row("schedule.field.earliest", earliest, "schedule.field.latest", latest);
        f.row("schedule.field.note", note);
        f.onOk((done, error) -> {
            var from = ScheduleDialogs.parse(earliest.getText(), "schedule.field.earliest");
            var to = ScheduleDialogs.parse(latest.getText(), "schedule.field.latest");
            if (to.isBefore(from)) {
                throw new DialogFields.InputException(Messages.get("schedule.book.windowOrder"));
            }
            vm.addToWaitlist(protocol.getValue() == null ? null : protocol.getValue().code(), new Preference(from, to, null),
                    note.getText(), done, error);
        });
        f.show();
    }
}
