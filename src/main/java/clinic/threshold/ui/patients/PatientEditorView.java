package clinic.threshold.ui.patients;

import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.i18n.Messages;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.Formats;
import clinic.threshold.ui.common.IsoDateConverter;
import clinic.threshold.ui.common.Navigator;
import java.util.List;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the patient form; field errors appear as ControlsFX decorations and in a summary under the form. */
public final class PatientEditorView {
    private final PatientEditorViewModel vm;
    private final Navigator navigator;
    private final Runnable close;
    private final ValidationSupport validation = new ValidationSupport();

    @FXML private TextField mrnField;
    @FXML private TextField givenNameField;
    @FXML private TextField familyNameField;
    @FXML private TextField preferredNameField;
    @FXML private DatePicker birthDatePicker;
    @FXML private ComboBox<Sex> sexCombo;
    @FXML private TextField genderField;
    @FXML private TextField phoneField;
    @FXML private TextField emailField;
    @FXML private TextField addressField;
    @FXML private TextField cityField;
    @FXML private TextField regionField;
    @FXML private TextField postalField;
    @FXML private TextField emergencyNameField;
    @FXML private TextField emergencyPhoneField;
    @FXML private ComboBox<Choice<Integer>> payerCombo;
    @FXML private TextField memberIdField;
    @FXML private TextField referrerField;
    @FXML private SearchableComboBox<DiagnosisCode> diagnosisCombo;
    @FXML private Label diagnosisNote;
    @FXML private TextArea notesArea;
    @FXML private Label diagnosisLabel;
    @FXML private Label notesLabel;
    @FXML private VBox duplicateBox;
    @FXML private ListView<PossibleDuplicate> duplicateList;
    @FXML private Button saveAnywayButton;
    @FXML private Button openExistingButton;
    @FXML private Label messageLabel;
    @FXML private Button reloadButton;
    @FXML private Label errorSummary;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Button saveButton;

    public PatientEditorView(PatientEditorViewModel vm, Navigator navigator, Runnable close) {
        this.vm = vm;
        this.navigator = navigator;
        this.close = close;
    }

    @FXML
    private void initialize() {
        mrnField.textProperty().bindBidirectional(vm.mrnProperty());
        givenNameField.textProperty().bindBidirectional(vm.givenNameProperty());
        familyNameField.textProperty().bindBidirectional(vm.familyNameProperty());
        preferredNameField.textProperty().bindBidirectional(vm.preferredNameProperty());
        birthDatePicker.setConverter(new IsoDateConverter());
        birthDatePicker.getEditor().textProperty().bindBidirectional(vm.birthDateProperty());
        birthDatePicker.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.birthDateProperty().set(Formats.date(b));
            }
        });
        sexCombo.setItems(vm.sexChoices());
        sexCombo.setConverter(converter(Formats::sex));
        sexCombo.valueProperty().bindBidirectional(vm.sexProperty());
        genderField.textProperty().bindBidirectional(vm.genderIdentityProperty());
        phoneField.textProperty().bindBidirectional(vm.phoneProperty());
        emailField.textProperty().bindBidirectional(vm.emailProperty());
        addressField.textProperty().bindBidirectional(vm.addressLineProperty());
        cityField.textProperty().bindBidirectional(vm.cityProperty());
        regionField.textProperty().bindBidirectional(vm.regionProperty());
        postalField.textProperty().bindBidirectional(vm.postalCodeProperty());
        emergencyNameField.textProperty().bindBidirectional(vm.emergencyNameProperty());
        emergencyPhoneField.textProperty().bindBidirectional(vm.emergencyPhoneProperty());
        payerCombo.setItems(vm.payerChoices());
        payerCombo.valueProperty().bindBidirectional(vm.payerProperty());
        memberIdField.textProperty().bindBidirectional(vm.memberIdProperty());
        referrerField.textProperty().bindBidirectional(vm.referringProviderProperty());
        diagnosisCombo.setItems(vm.diagnosisChoices());
        diagnosisCombo.setConverter(converter(d -> d == null ? "" : d.label()));
        diagnosisCombo.valueProperty().bindBidirectional(vm.diagnosisProperty());
        diagnosisCombo.setPromptText(Messages.get("patient.editor.diagnosis.prompt"));
        diagnosisNote.textProperty().bind(vm.diagnosisProperty().map(PatientEditorView::payerNote).orElse(""));
        notesArea.textProperty().bindBidirectional(vm.notesProperty());
        for (javafx.scene.Node n : List.of(diagnosisCombo, diagnosisNote, notesArea, diagnosisLabel, notesLabel)) {
            n.setVisible(vm.clinicalVisible());
            n.setManaged(vm.clinicalVisible());
        }

        duplicateList.setItems(vm.duplicates());
        duplicateList.setCellFactory(l -> new DuplicateCell());
        duplicateBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.duplicates()));
        duplicateBox.managedProperty().bind(duplicateBox.visibleProperty());
        openExistingButton.disableProperty().bind(duplicateList.getSelectionModel().selectedItemProperty().isNull());

        messageLabel.textProperty().bind(vm.messageProperty());
        messageLabel.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        errorSummary.visibleProperty().bind(vm.showErrorsProperty().and(errorSummary.textProperty().isNotEmpty()));
        errorSummary.managedProperty().bind(errorSummary.visibleProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        reloadButton.visibleProperty().bind(vm.conflictProperty());
        reloadButton.managedProperty().bind(reloadButton.visibleProperty());
        saveButton.disableProperty().bind(vm.busyProperty().or(vm.loadedProperty().not()));
        saveAnywayButton.disableProperty().bind(vm.busyProperty());

        registerDecorations();
        vm.savedProperty().addListener((o, a, saved) -> {
            if (saved != null) {
                close.run();
                if (vm.isNew()) {
                    navigator.openChart(saved.id());
                }
            }
        });
        vm.start();
        // After the window shows: the first thing typed is the name, whether new or edited.
        javafx.application.Platform.runLater(givenNameField::requestFocus);
    }

    private void registerDecorations() {
        Map<String, Control> controls = Map.ofEntries(
                Map.entry(PatientField.MRN, mrnField), Map.entry(PatientField.GIVEN_NAME, givenNameField),
                Map.entry(PatientField.FAMILY_NAME, familyNameField),
                Map.entry(PatientField.PREFERRED_NAME, preferredNameField),
                Map.entry(PatientField.BIRTH_DATE, birthDatePicker), Map.entry(PatientField.SEX, sexCombo),
                Map.entry(PatientField.GENDER_IDENTITY, genderField), Map.entry(PatientField.PHONE, phoneField),
                Map.entry(PatientField.EMAIL, emailField), Map.entry(PatientField.ADDRESS, addressField),
                Map.entry(PatientField.EMERGENCY_NAME, emergencyNameField),
                Map.entry(PatientField.EMERGENCY_PHONE, emergencyPhoneField),
                Map.entry(PatientField.MEMBER_ID, memberIdField),
                Map.entry(PatientField.REFERRING_PROVIDER, referrerField), Map.entry(PatientField.NOTES, notesArea));
        controls.forEach((field, control) -> validation.registerValidator(control, false, (Control c, Object v) -> {
            String error = vm.showErrorsProperty().get() ? vm.fieldErrors().get(field) : null;
            return ValidationResult.fromErrorIf(c, error == null ? "" : error, error != null);
        }));
        Runnable refresh = () -> {
            errorSummary.setText(vm.errorSummary());
            validation.revalidate();
        };
        vm.fieldErrors().addListener((MapChangeListener<String, String>) ch -> refresh.run());
        vm.showErrorsProperty().addListener((o, a, b) -> refresh.run());
    }

    /** True when closing may go ahead: nothing typed is lost without the user agreeing. */
    public boolean hasUnsavedChanges() {
        return vm.dirtyProperty().get();
    }

    @FXML
    private void onSave() {
        // A date typed but not yet committed by the DatePicker is already in the ViewModel through the editor.
        vm.save();
    }

    @FXML
    private void onReloadKeep() {
        vm.reloadKeepingMyChanges();
    }

    @FXML
    private void onSaveAnyway() {
        vm.saveAnyway();
    }

    @FXML
    private void onOpenExisting() {
        PossibleDuplicate d = duplicateList.getSelectionModel().getSelectedItem();
        if (d != null) {
            navigator.openChart(d.existing().id());
        }
    }

    @FXML
    private void onCancel() {
        close.run();
    }

    private static String payerNote(DiagnosisCode d) {
        if (d == null || d.payerNote() == null) {
            return "";
        }
        return d.unconfirmed() ? Messages.get("patient.editor.diagnosis.noteUnconfirmed", d.payerNote())
                : d.payerNote();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null; // these combo boxes are pick-only: typed text never becomes a value
            }
        };
    }

    private static final class DuplicateCell extends ListCell<PossibleDuplicate> {
        @Override
        protected void updateItem(PossibleDuplicate d, boolean empty) {
            super.updateItem(d, empty);
            setText(empty || d == null ? null : Messages.get("patient.duplicate.row",
                    PatientNames.listName(d.existing()), d.existing().mrn(), Formats.date(d.existing().birthDate()),
                    Formats.orDash(d.existing().phone()),
                    Messages.get("patient.duplicate.reason." + d.reason().name())));
        }
    }
}
