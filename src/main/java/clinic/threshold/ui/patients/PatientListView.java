package clinic.threshold.ui.patients;

import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.Navigator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/** Binds the patient list screen to its ViewModel. */
public final class PatientListView {
    private final PatientListViewModel vm;
    private final Navigator navigator;
    private final Clock clock;

    @FXML private TextField searchField;
    @FXML private ComboBox<Choice<PatientStatus>> statusFilter;
    @FXML private ComboBox<Choice<Integer>> payerFilter;
    @FXML private Button newPatientButton;
    @FXML private TableView<PatientSummary> table;
    @FXML private TableColumn<PatientSummary, String> mrnColumn;
    @FXML private TableColumn<PatientSummary, String> nameColumn;
    @FXML private TableColumn<PatientSummary, LocalDate> birthColumn;
    @FXML private TableColumn<PatientSummary, Integer> ageColumn;
    @FXML private TableColumn<PatientSummary, String> phoneColumn;
    @FXML private TableColumn<PatientSummary, String> payerColumn;
    @FXML private TableColumn<PatientSummary, String> statusColumn;
    @FXML private Label infoLabel;
    @FXML private Label errorLabel;
    @FXML private ProgressIndicator busyIndicator;

    public PatientListView(PatientListViewModel vm, Navigator navigator, Clock clock) {
        this.vm = vm;
        this.navigator = navigator;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchTextProperty());
        newPatientButton.setVisible(vm.may(Permission.PATIENT_WRITE));
        newPatientButton.setManaged(newPatientButton.isVisible());
        statusFilter.setItems(vm.statusChoices());
        statusFilter.valueProperty().bindBidirectional(vm.statusFilterProperty());
        payerFilter.setItems(vm.payerChoices());
        payerFilter.valueProperty().bindBidirectional(vm.payerFilterProperty());
        // Sorting by a column survives refreshes: the table shows a sorted view of the ViewModel's rows.
        javafx.collections.transformation.SortedList<PatientSummary> sorted =
                new javafx.collections.transformation.SortedList<>(vm.patients());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        mrnColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mrn()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(PatientNames.listName(c.getValue())));
        birthColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().birthDate()));
        ageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                Period.between(c.getValue().birthDate(), LocalDate.now(clock)).getYears()));
        phoneColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().phone()));
        payerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().payerName()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.status(c.getValue().status())));
        table.setRowFactory(tv -> {
            TableRow<PatientSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    navigator.openChart(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        // Down arrow from the search box moves into the results; Enter there opens the first match.
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
            } else if (e.getCode() == KeyCode.ENTER && !table.getItems().isEmpty()) {
                navigator.openChart(table.getItems().get(0).id());
            }
        });
        infoLabel.textProperty().bind(vm.infoProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        vm.start();
    }

    @FXML
    private void onNewPatient() {
        navigator.newPatient();
    }

    @FXML
    private void onOpen() {
        openSelected();
    }

    private void openSelected() {
        PatientSummary s = table.getSelectionModel().getSelectedItem();
        if (s != null) {
            navigator.openChart(s.id());
        }
    }

    public void focusTable() {
        table.requestFocus();
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }
}
