package clinic.threshold.ui.patients;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.ui.common.Choice;
import clinic.threshold.ui.common.Formats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The editable fields of the patient form as JavaFX properties, and their conversion to and from details. */
final class PatientForm {
    final StringProperty mrn = new SimpleStringProperty("");
    final StringProperty givenName = new SimpleStringProperty("");
    final StringProperty familyName = new SimpleStringProperty("");
    final StringProperty preferredName = new SimpleStringProperty("");
    final StringProperty birthDate = new SimpleStringProperty("");
    final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    final StringProperty genderIdentity = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final StringProperty addressLine = new SimpleStringProperty("");
    final StringProperty city = new SimpleStringProperty("");
    final StringProperty region = new SimpleStringProperty("");
    final StringProperty postalCode = new SimpleStringProperty("");
    final StringProperty emergencyName = new SimpleStringProperty("");
    final StringProperty emergencyPhone = new SimpleStringProperty("");
    final ObjectProperty<Choice<Integer>> payer = new SimpleObjectProperty<>();
    final StringProperty memberId = new SimpleStringProperty("");
    final StringProperty referringProvider = new SimpleStringProperty("");
    final ObjectProperty<DiagnosisCode> diagnosis = new SimpleObjectProperty<>();
    final StringProperty notes = new SimpleStringProperty("");

    /** Current values by field, in form order: to tell what the user changed and to put it back. */
    java.util.Map<String, Object> values() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        List<Observable> all = all();
        for (int i = 0; i < all.size(); i++) {
            m.put(Integer.toString(i), ((javafx.beans.value.ObservableValue<?>) all.get(i)).getValue());
        }
        return m;
    }

    /** Sets each field where {@code mine} differs from {@code before} (what the user typed) to the user's value. */
    @SuppressWarnings("unchecked")
    void apply(java.util.Map<String, Object> mine, java.util.Map<String, Object> before) {
        List<Observable> all = all();
        for (int i = 0; i < all.size(); i++) {
            String k = Integer.toString(i);
            if (!java.util.Objects.equals(mine.get(k), before.get(k))) {
                ((javafx.beans.property.Property<Object>) all.get(i)).setValue(mine.get(k));
            }
        }
    }

    List<Observable> all() {
        return List.of(mrn, givenName, familyName, preferredName, birthDate, sex, genderIdentity, phone, email,
                addressLine, city, region, postalCode, emergencyName, emergencyPhone, payer, memberId,
                referringProvider, diagnosis, notes);
    }

    /** The typed date of birth, or a violation when the text is not a date. Empty text gives empty. */
    Optional<LocalDate> parsedBirthDate() {
        return Optional.ofNullable(Formats.parseDate(birthDate.get()));
    }

    Optional<Violation> birthDateFormatViolation() {
        try {
            Formats.parseDate(birthDate.get());
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(Violation.of(PatientField.BIRTH_DATE, "validation.date.format"));
        }
    }

    /** Details as typed; call only after {@link #birthDateFormatViolation()} is empty. */
    PatientDetails toDetails() {
        return toDetails(parsedBirthDate().orElse(null));
    }

    /** Details with the given date of birth, e.g. null to check the other fields while the date is unreadable. */
    PatientDetails toDetails(LocalDate birth) {
        Choice<Integer> p = payer.get();
        DiagnosisCode dx = diagnosis.get();
        return new PatientDetails(mrn.get(), givenName.get(), familyName.get(), preferredName.get(),
                birth, sex.get(), genderIdentity.get(), phone.get(), email.get(),
                new PatientDetails.Address(addressLine.get(), city.get(), region.get(), postalCode.get()),
                new PatientDetails.EmergencyContact(emergencyName.get(), emergencyPhone.get()),
                p == null ? null : p.value(), memberId.get(), referringProvider.get(),
                dx == null ? null : dx.code(), notes.get()).normalized();
    }

    void fill(Patient patient, List<Choice<Integer>> payers, List<DiagnosisCode> codes) {
        PatientDetails d = patient.details();
        mrn.set(nz(d.mrn()));
        givenName.set(nz(d.givenName()));
        familyName.set(nz(d.familyName()));
        preferredName.set(nz(d.preferredName()));
        birthDate.set(Formats.date(d.birthDate()));
        sex.set(d.sex());
        genderIdentity.set(nz(d.genderIdentity()));
        phone.set(nz(d.phone()));
        email.set(nz(d.email()));
        addressLine.set(nz(d.address().line()));
        city.set(nz(d.address().city()));
        region.set(nz(d.address().region()));
        postalCode.set(nz(d.address().postalCode()));
        emergencyName.set(nz(d.emergencyContact().name()));
        emergencyPhone.set(nz(d.emergencyContact().phone()));
        payer.set(payers.stream().filter(c -> c.value() != null && c.value().equals(d.payerId())).findFirst()
                .orElse(payers.isEmpty() ? null : payers.get(0)));
        memberId.set(nz(d.memberId()));
        referringProvider.set(nz(d.referringProvider()));
        diagnosis.set(codes.stream().filter(c -> c.code().equals(d.primaryDiagnosisCode())).findFirst().orElse(null));
        notes.set(nz(d.notes()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
