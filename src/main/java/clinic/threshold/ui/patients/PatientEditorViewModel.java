package clinic.threshold.ui.patients;

import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientValidator;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.i18n.Messages;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.ErrorText;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.TaskExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * Create or edit one patient. Validation runs as the user types (shown once they first try to save);
 * a new patient is checked for likely duplicates before saving; a save that lost a race with another
 * window keeps the user's edits and says so.
 */
public final class PatientEditorViewModel {
    private final ClinicServices services;
    private final TaskExecutor executor;
    private final PatientEvents events;
    private final Clock clock;
    private final Long patientId;
    private int version;

    private final PatientForm form = new PatientForm();
    private final ObservableList<Choice<Integer>> payerChoices = FXCollections.observableArrayList();
    private final ObservableList<DiagnosisCode> diagnosisChoices = FXCollections.observableArrayList();
    private final ObservableList<Sex> sexChoices = FXCollections.observableArrayList(Sex.values());
    private final ObservableMap<String, String> fieldErrors = FXCollections.observableHashMap();
    private final ObservableList<PossibleDuplicate> duplicates = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty showErrors = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Patient> saved = new ReadOnlyObjectWrapper<>();
    private boolean filling;
    /** Set by "Save anyway": the user looked at the likely duplicates and decided this is someone else. */
    private boolean duplicatesAcknowledged;
    /** The details as loaded (or empty for a new patient), to tell the user's changes from others'. */
    private java.util.Map<String, Object> loadedValues = java.util.Map.of();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> errorLines = FXCollections.observableArrayList();

    /** {@code patientId} null for a new patient. */
    public PatientEditorViewModel(ClinicServices services, TaskExecutor executor, PatientEvents events, Clock clock,
                                  Long patientId) {
        this.services = services;
        this.executor = executor;
        this.events = events;
        this.clock = clock;
        this.patientId = patientId;
        payerChoices.add(new Choice<>(null, Messages.get("patient.editor.noPayer")));
        form.payer.set(payerChoices.get(0));
        form.all().forEach(p -> p.addListener(o -> onEdited()));
    }

    /** Loads reference lists and, when editing, the patient. */
    public void start() {
        busy.set(true);
        executor.run(() -> {
            Patient p = patientId == null ? null : services.patients().get(patientId);
            Integer payer = p == null ? null : p.details().payerId();
            String code = p == null ? null : p.details().primaryDiagnosisCode();
            return new Loaded(services.reference().payersIncluding(payer),
                    services.reference().diagnosisCodesIncluding(code), p);
        }, this::apply, this::fail);
    }

    private void apply(Loaded l) {
        busy.set(false);
        filling = true;
        for (Payer p : l.payers) {
            payerChoices.add(new Choice<>(p.id(), p.name()));
        }
        diagnosisChoices.setAll(l.codes);
        if (l.patient != null) {
            version = l.patient.version();
            form.fill(l.patient, payerChoices, diagnosisChoices);
        }
        loadedValues = form.values();
        filling = false;
        dirty.set(false);
        loaded.set(true);
        revalidate();
    }

    /**
     * Validates, warns about likely duplicates (new patients, once), then saves in the background.
     * On success {@link #savedProperty()} holds the stored patient.
     */
    public void save() {
        showErrors.set(true);
        if (!revalidate()) {
            message.set(Messages.get("patient.editor.fixErrors"));
            return;
        }
        PatientDetails details = form.toDetails();
        busy.set(true);
        if (patientId == null && !duplicatesAcknowledged) {
            executor.run(() -> services.patients().possibleDuplicates(details, null), found -> {
                if (found.isEmpty()) {
                    store(details);
                } else {
                    busy.set(false);
                    duplicates.setAll(found);
                }
            }, this::fail);
        } else {
            store(details);
        }
    }

    /** Saves despite the likely-duplicate warning (the user looked and decided these are different people). */
    public void saveAnyway() {
        if (!duplicates.isEmpty()) {
            duplicatesAcknowledged = true;
            save();
        }
    }

    /**
     * After "changed by someone else": loads the stored patient and puts back on top of it only the fields
     * this user changed, so that both people's work is kept; the user then reviews and saves again.
     */
    public void reloadKeepingMyChanges() {
        if (patientId == null) {
            return;
        }
        java.util.Map<String, Object> mine = form.values();
        java.util.Map<String, Object> before = loadedValues;
        busy.set(true);
        executor.run(() -> services.patients().get(patientId), latest -> {
            busy.set(false);
            filling = true;
            form.fill(latest, payerChoices, diagnosisChoices);
            loadedValues = form.values();
            version = latest.version();
            form.apply(mine, before);
            filling = false;
            conflict.set(false);
            dirty.set(!form.values().equals(loadedValues));
            message.set(Messages.get("patient.editor.reloaded"));
            revalidate();
        }, this::fail);
    }

    private void store(PatientDetails details) {
        executor.run(() -> patientId == null
                ? services.patients().create(details)
                : services.patients().update(patientId, version, details), p -> {
            busy.set(false);
            version = p.version();
            dirty.set(false);
            message.set("");
            saved.set(p);
            events.changed(p.id());
        }, this::fail);
    }

    private void fail(Throwable e) {
        busy.set(false);
        if (e instanceof ValidationException v) {
            showViolations(v.violations());
            message.set(Messages.get("patient.editor.fixErrors"));
        } else if (e instanceof ConcurrentEditException) {
            conflict.set(true);
            message.set(Messages.get("patient.editor.concurrent"));
        } else {
            message.set(ErrorText.of(e));
        }
    }

    private void onEdited() {
        if (filling) {
            return;
        }
        dirty.set(true);
        duplicates.clear();
        duplicatesAcknowledged = false;
        revalidate();
    }

    /** Recomputes field errors from the domain rules; true when there are none. */
    private boolean revalidate() {
        List<Violation> violations = new ArrayList<>();
        form.birthDateFormatViolation().ifPresent(violations::add);
        if (violations.isEmpty()) {
            violations.addAll(PatientValidator.validate(form.toDetails(), LocalDate.now(clock)));
        } else {
            violations.addAll(PatientValidator.validate(form.toDetails(null), LocalDate.now(clock)).stream()
                    .filter(v -> !v.field().equals(violations.get(0).field())).toList());
        }
        showViolations(violations);
        if (violations.isEmpty() && message.get().equals(Messages.get("patient.editor.fixErrors"))) {
            message.set("");
        }
        return violations.isEmpty();
    }

    private void showViolations(List<Violation> violations) {
        errorLines.setAll(violations.stream().map(Messages::describe).distinct().toList());
        fieldErrors.clear();
        fieldErrors.putAll(violations.stream().collect(Collectors.toMap(Violation::field,
                Messages::violationMessage, (a, b) -> a)));
    }

    /** All current errors as "Field: message" lines in form order, for the summary under the form. */
    public String errorSummary() {
        return String.join("\n", errorLines);
    }

    /** True after a save lost to someone else's: the screen offers to reload keeping this user's changes. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Diagnosis and notes are shown and edited only by those who may read clinical details. */
    public boolean clinicalVisible() {
        return services.session().current().map(u -> u.may(Permission.CLINICAL_READ)).orElse(false);
    }

    public boolean isNew() {
        return patientId == null;
    }

    public Long patientId() {
        return patientId;
    }

    // Field properties for binding.
    public StringProperty mrnProperty() {
        return form.mrn;
    }

    public StringProperty givenNameProperty() {
        return form.givenName;
    }

    public StringProperty familyNameProperty() {
        return form.familyName;
    }

    public StringProperty preferredNameProperty() {
        return form.preferredName;
    }

    public StringProperty birthDateProperty() {
        return form.birthDate;
    }

    public ObjectProperty<Sex> sexProperty() {
        return form.sex;
    }

    public StringProperty genderIdentityProperty() {
        return form.genderIdentity;
    }

    public StringProperty phoneProperty() {
        return form.phone;
    }

    public StringProperty emailProperty() {
        return form.email;
    }

    public StringProperty addressLineProperty() {
        return form.addressLine;
    }

    public StringProperty cityProperty() {
        return form.city;
    }

    public StringProperty regionProperty() {
        return form.region;
    }

    public StringProperty postalCodeProperty() {
        return form.postalCode;
    }

    public StringProperty emergencyNameProperty() {
        return form.emergencyName;
    }

    public StringProperty emergencyPhoneProperty() {
        return form.emergencyPhone;
    }

    public ObjectProperty<Choice<Integer>> payerProperty() {
        return form.payer;
    }

    public StringProperty memberIdProperty() {
        return form.memberId;
    }

    public StringProperty referringProviderProperty() {
        return form.referringProvider;
    }

    public ObjectProperty<DiagnosisCode> diagnosisProperty() {
        return form.diagnosis;
    }

    public StringProperty notesProperty() {
        return form.notes;
    }

    public ObservableList<Choice<Integer>> payerChoices() {
        return payerChoices;
    }

    public ObservableList<DiagnosisCode> diagnosisChoices() {
        return diagnosisChoices;
    }

    public ObservableList<Sex> sexChoices() {
        return sexChoices;
    }

    public ObservableMap<String, String> fieldErrors() {
        return fieldErrors;
    }

    public ObservableList<PossibleDuplicate> duplicates() {
        return duplicates;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty showErrorsProperty() {
        return showErrors;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Patient> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    private record Loaded(List<Payer> payers, List<DiagnosisCode> codes, Patient patient) {
    }
}
