package clinic.threshold.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.testing.TestClinic;
import clinic.threshold.ui.common.PatientEvents;
import clinic.threshold.ui.common.SameThreadTaskExecutor;
import clinic.threshold.ui.patients.PatientEditorViewModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's ViewModel over real services, run on one thread: validation, duplicates, concurrent edits. */
class PatientEditorViewModelIT {
    @TempDir
    Path dir;
    ClinicServices clinic;
    PatientEvents events = new PatientEvents();
    List<Long> changed = new ArrayList<>();

    @BeforeEach
    void open() {
        clinic = TestClinic.open(dir);
        events.onChanged(changed::add);
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private PatientEditorViewModel editor(Long id) {
        PatientEditorViewModel vm = new PatientEditorViewModel(clinic, new SameThreadTaskExecutor(), events,
                TestClinic.CLOCK, id);
        vm.start();
        return vm;
    }

    @Test
    void newPatientIsSavedWithAGeneratedMrn() {
        PatientEditorViewModel vm = editor(null);
        vm.givenNameProperty().set("Ada");
        vm.familyNameProperty().set("Lovelace");
        vm.birthDateProperty().set("4/23/1980");
        vm.sexProperty().set(Sex.FEMALE);
        assertTrue(vm.dirtyProperty().get());
        vm.save();
        Patient p = vm.savedProperty().get();
        assertEquals("TH0000018", p.mrn());
        assertEquals(LocalDate.of(1980, 4, 23), p.details().birthDate());
        assertEquals(List.of(p.id()), changed);
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void errorsAreHiddenUntilTheFirstSaveThenFollowTyping() {
        PatientEditorViewModel vm = editor(null);
        vm.givenNameProperty().set("Ada");
        assertFalse(vm.showErrorsProperty().get());
        vm.save();
        assertTrue(vm.showErrorsProperty().get());
        assertEquals("is required.", vm.fieldErrors().get("familyName"));
        vm.familyNameProperty().set("Lovelace");
        assertNull(vm.fieldErrors().get("familyName"));
        vm.birthDateProperty().set("23.04.80");
        assertTrue(vm.fieldErrors().get("birthDate").startsWith("is not a date"));
        assertEquals(0, clinic.patients().count());
    }

    @Test
    void secondWindowSavingTheSamePatientIsToldAndKeepsItsEdits() {
        Patient p = clinic.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), null));
        PatientEditorViewModel first = editor(p.id());
        PatientEditorViewModel second = editor(p.id());
        assertEquals("Lovelace", second.familyNameProperty().get());

        first.phoneProperty().set("555 201 3344");
        first.save();
        assertEquals(2, first.savedProperty().get().version());

        second.notesProperty().set("Important note typed in the second window");
        second.save();
        assertNull(second.savedProperty().get(), "the second save must not go through");
        assertTrue(second.messageProperty().get().contains("Someone else changed this patient"));
        assertEquals("Important note typed in the second window", second.notesProperty().get());
        assertTrue(second.dirtyProperty().get(), "the edits are still unsaved and still there");

        Patient stored = clinic.patients().get(p.id());
        assertEquals("555 201 3344", stored.details().phone());
        assertNull(stored.details().notes());
    }

    @Test
    void reloadAfterAConflictKeepsBothPeoplesChanges() {
        Patient p = clinic.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), null));
        PatientEditorViewModel first = editor(p.id());
        PatientEditorViewModel second = editor(p.id());
        first.phoneProperty().set("555 201 3344");
        first.save();
        second.notesProperty().set("Prefers mornings");
        second.save();
        assertTrue(second.conflictProperty().get());

        second.reloadKeepingMyChanges();
        assertFalse(second.conflictProperty().get());
        assertEquals("555 201 3344", second.phoneProperty().get(), "the other person's change is now shown");
        assertEquals("Prefers mornings", second.notesProperty().get(), "this person's change is put back");
        second.save();
        Patient stored = clinic.patients().get(p.id());
        assertEquals("555 201 3344", stored.details().phone());
        assertEquals("Prefers mornings", stored.details().notes());
        assertEquals(3, stored.version());
    }

    @Test
    void aRetiredPayerStaysOnThePatientWhenEdited() {
        Patient p = clinic.patients().create(new clinic.threshold.domain.patient.PatientDetails(null, "Ada", "Lovelace",
                null, LocalDate.of(1980, 4, 23), Sex.FEMALE, null, null, null, null, null, 6, "M1", null, "F33.2",
                null));
        TestClinic.sql(dir, "UPDATE payer SET active = FALSE WHERE id = 6",
                "UPDATE diagnosis_code SET active = FALSE WHERE code = 'F33.2'");
        PatientEditorViewModel vm = editor(p.id());
        assertEquals(Integer.valueOf(6), vm.payerProperty().get().value());
        assertEquals("F33.2", vm.diagnosisProperty().get().code());
        vm.memberIdProperty().set("M2");
        vm.save();
        Patient stored = clinic.patients().get(p.id());
        assertEquals(Integer.valueOf(6), stored.details().payerId());
        assertEquals("F33.2", stored.details().primaryDiagnosisCode());
        assertEquals("M2", stored.details().memberId());
    }

    @Test
    void duplicateWarningComesFirstAndSaveAnywayGoesThrough() {
        clinic.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), null));
        PatientEditorViewModel vm = editor(null);
        vm.givenNameProperty().set("Augusta");
        vm.familyNameProperty().set("Lovelace");
        vm.birthDateProperty().set("1980-04-23");
        vm.sexProperty().set(Sex.FEMALE);
        vm.save();
        assertEquals(1, vm.duplicates().size());
        assertNull(vm.savedProperty().get());
        assertEquals(1, clinic.patients().count());
        vm.saveAnyway();
        assertEquals(2, clinic.patients().count());
    }
}
