package clinic.threshold.service.patient;

import static clinic.threshold.testing.TestClinic.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.service.ClinicServices;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientField;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.patient.PossibleDuplicate;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientServiceIT {
    static final LocalDate BIRTH = LocalDate.of(1980, 4, 23);

    @TempDir
    Path dir;
    ClinicServices clinic;
    PatientService patients;

    @BeforeEach
    void open() {
        clinic = TestClinic.open(dir);
        patients = clinic.patients();
    }

    @AfterEach
    void close() {
        clinic.close();
    }

    private List<String> mrnsFor(String text) {
        return patients.search(PatientQuery.text(text)).stream().map(PatientSummary::mrn).toList();
    }

    @Test
    void createGeneratesSequentialValidMrnsAndStoresEveryField() {
        Patient a = patients.create(PatientValidatorFixtures.full());
        Patient b = patients.create(person("Grace", "Hopper", BIRTH, null));
        assertEquals("TH0000018", a.mrn());
        assertEquals(MrnRule.fromSequence(2), b.mrn());
        Patient stored = patients.get(a.id());
        assertEquals(PatientValidatorFixtures.full().normalized().withMrn(a.mrn()), stored.details());
        assertEquals(PatientStatus.ACTIVE, stored.status());
        assertEquals(1, stored.version());
        assertEquals(TestClinic.CLOCK.instant(), stored.createdAt());
    }

    @Test
    void searchFindsByNamePrefixPreferredNameMrnBirthDateAndPhoneEnds() {
        Patient ada = patients.create(PatientValidatorFixtures.full());
        patients.create(person("Adam", "Smith", LocalDate.of(1990, 1, 2), "(555) 777-1234"));
        patients.create(person("Grace", "Hopper", LocalDate.of(1950, 12, 9), "555 300 9999"));

        assertEquals(List.of(ada.mrn()), mrnsFor("love"));
        assertEquals(List.of(ada.mrn()), mrnsFor("LOVELACE ada"));
        assertEquals(List.of(ada.mrn()), mrnsFor("Addie"), "preferred name");
        assertEquals(List.of(ada.mrn()), mrnsFor(ada.mrn().toLowerCase()));
        assertEquals(List.of(ada.mrn()), mrnsFor("1980-04-23"));
        assertEquals(List.of(ada.mrn()), mrnsFor("4/23/1980"));
        assertEquals(List.of(ada.mrn()), mrnsFor("555-201"), "phone from the start");
        assertEquals(List.of(ada.mrn()), mrnsFor("3344"), "last digits of the phone");
        assertEquals(2, mrnsFor("ada").size(), "Ada and Adam both start with ADA");
        assertEquals(List.of(), mrnsFor("ada 1990-01-03"));
        assertEquals(List.of(), mrnsFor("%"), "LIKE wildcards are literal");
    }

    @Test
    void searchIgnoresAccentsApostrophesAndHyphens() {
        Patient m = patients.create(person("Jonas", "Müller", BIRTH, null));
        Patient o = patients.create(person("Siobhan", "O'Connor", BIRTH, null));
        Patient g = patients.create(person("Olivia", "García-López", BIRTH, null));
        assertEquals(List.of(m.mrn()), mrnsFor("muller"));
        assertEquals(List.of(m.mrn()), mrnsFor("MÜLL"));
        assertEquals(List.of(o.mrn()), mrnsFor("oconnor"));
        assertEquals(List.of(o.mrn()), mrnsFor("o'con"));
        assertEquals(List.of(g.mrn()), mrnsFor("garcia"));
        assertEquals(List.of(g.mrn()), mrnsFor("garcía-lópez"));
    }

    @Test
    void searchKeysAreRebuiltWhenTheirRuleChanges() {
        Patient m = patients.create(person("Jonas", "Müller", BIRTH, null));
        // As an older version of the app would have stored it, and an older key version.
        TestClinic.sql(dir, "UPDATE patient SET family_key = 'MÜLLER'",
                "UPDATE clinic_setting SET setting_value = '1' WHERE name = 'patient.searchKeyVersion'");
        assertEquals(List.of(), mrnsFor("muller"));
        assertEquals(1, patients.upgradeSearchKeys());
        assertEquals(List.of(m.mrn()), mrnsFor("muller"));
        assertEquals(0, patients.upgradeSearchKeys(), "done once");
    }

    @Test
    void searchFiltersByStatusAndPayerAndHonoursTheLimit() {
        Patient a = patients.create(PatientValidatorFixtures.full());
        Patient b = patients.create(person("Grace", "Hopper", BIRTH, null));
        patients.discharge(b.id(), b.version(), TestClinic.TODAY);
        assertEquals(List.of(b.mrn()), patients.search(new PatientQuery("", EnumSet.of(PatientStatus.DISCHARGED),
                null, 10)).stream().map(PatientSummary::mrn).toList());
        assertEquals(List.of(a.mrn()), patients.search(new PatientQuery("", null,
                a.details().payerId(), 10)).stream().map(PatientSummary::mrn).toList());
        assertEquals(1, patients.search(new PatientQuery("", null, null, 1)).size());
        assertEquals("Aetna", patients.search(PatientQuery.text("love")).get(0).payerName());
    }

    @Test
    void warnsAboutSameFamilyNameAndBirthDateOrSamePhone() {
        Patient ada = patients.create(PatientValidatorFixtures.full());
        List<PossibleDuplicate> byName = patients.possibleDuplicates(person("Augusta", "lovelace ", BIRTH, null), null);
        assertEquals(1, byName.size());
        assertEquals(PossibleDuplicate.Reason.SAME_FAMILY_NAME_AND_BIRTH_DATE, byName.get(0).reason());
        List<PossibleDuplicate> byPhone = patients.possibleDuplicates(
                person("Bob", "Other", LocalDate.of(1970, 1, 1), "555.201.3344"), null);
        assertEquals(PossibleDuplicate.Reason.SAME_PHONE, byPhone.get(0).reason());
        assertEquals(ada.id(), byPhone.get(0).existing().id());
        assertEquals(List.of(), patients.possibleDuplicates(person("Ada", "Lovelace", BIRTH.plusDays(1), null), null));
        assertEquals(List.of(), patients.possibleDuplicates(ada.details(), ada.id()), "a patient is not their own duplicate");
    }

    @Test
    void invalidInputSavesNothingAndNamesEveryField() {
        ValidationException e = assertThrows(ValidationException.class, () -> patients.create(
                person("", "X".repeat(81), TestClinic.TODAY.plusDays(1), "12")));
        assertThrows(ValidationException.class, () -> patients.create(
                person("Ada", "Lovelace", BIRTH, "+1 (555) 201-3344 ext. 0000000000000")), "phone longer than its column");
        assertEquals(List.of(PatientField.GIVEN_NAME, PatientField.FAMILY_NAME, PatientField.BIRTH_DATE,
                PatientField.PHONE), e.violations().stream().map(Violation::field).toList());
        assertEquals(0, patients.count());
    }

    @Test
    void givenMrnMustBeUnusedAndGenerationSkipsHandAssignedNumbers() {
        Patient manual = patients.create(PatientValidatorFixtures.full().withMrn(MrnRule.fromSequence(1)));
        ValidationException e = assertThrows(ValidationException.class,
                () -> patients.create(person("Grace", "Hopper", BIRTH, null).withMrn(manual.mrn())));
        assertEquals("validation.mrn.taken", e.violations().get(0).messageKey());
        Patient next = patients.create(person("Grace", "Hopper", BIRTH, null));
        assertEquals(MrnRule.fromSequence(2), next.mrn(), "sequence number 1 is taken by hand, so 2 is next");
        assertThrows(ValidationException.class, () -> patients.update(next.id(), next.version(),
                next.details().withMrn(manual.mrn())));
        assertEquals(MrnRule.fromSequence(2), patients.get(next.id()).mrn());
    }

    @Test
    void secondSaveOfTheSameVersionIsRefusedAndLosesNothing() {
        Patient opened = patients.create(PatientValidatorFixtures.full());
        PatientDetails first = opened.details().withMrn(opened.mrn());
        Patient saved = patients.update(opened.id(), opened.version(),
                new PatientDetails(first.mrn(), "Augusta Ada", first.familyName(), first.preferredName(),
                        first.birthDate(), first.sex(), first.genderIdentity(), first.phone(), first.email(),
                        first.address(), first.emergencyContact(), first.payerId(), first.memberId(),
                        first.referringProvider(), first.primaryDiagnosisCode(), first.notes()));
        assertEquals(2, saved.version());
        assertThrows(ConcurrentEditException.class, () -> patients.update(opened.id(), opened.version(),
                person("Other", "Edit", BIRTH, null).withMrn(opened.mrn())));
        assertThrows(ConcurrentEditException.class,
                () -> patients.discharge(opened.id(), opened.version(), TestClinic.TODAY));
        Patient now = patients.get(opened.id());
        assertEquals("Augusta Ada", now.details().givenName());
        assertEquals(PatientStatus.ACTIVE, now.status());
    }

    @Test
    void dischargeAndReactivateKeepTheRecord() {
        Patient p = patients.create(PatientValidatorFixtures.full());
        Patient d = patients.discharge(p.id(), p.version(), TestClinic.TODAY.minusDays(3));
        assertEquals(PatientStatus.DISCHARGED, d.status());
        assertEquals(TestClinic.TODAY.minusDays(3), d.dischargedOn());
        ValidationException future = assertThrows(ValidationException.class,
                () -> patients.discharge(p.id(), d.version(), TestClinic.TODAY.plusDays(1)));
        assertEquals("validation.date.future", future.violations().get(0).messageKey());
        Patient back = patients.setStatus(p.id(), d.version(), PatientStatus.ACTIVE);
        assertEquals(PatientStatus.ACTIVE, back.status());
        assertEquals(null, back.dischargedOn());
        assertEquals(1, patients.count());
    }

    @Test
    void voidNeedsAReasonHidesThePatientAndKeepsTheRow() {
        Patient p = patients.create(PatientValidatorFixtures.full());
        ValidationException e = assertThrows(ValidationException.class, () -> patients.voidPatient(p.id(), p.version(), " "));
        assertEquals(PatientField.VOID_REASON, e.violations().get(0).field());
        patients.voidPatient(p.id(), p.version(), "Registered twice by mistake");
        assertEquals(List.of(), mrnsFor("lovelace"));
        assertEquals(0, patients.count());
        assertThrows(NotFoundException.class, () -> patients.get(p.id()));
        assertTrue(patients.find(p.id()).isEmpty());
        // Still in the table, and its MRN is never handed out again.
        Patient other = patients.create(person("Grace", "Hopper", BIRTH, null));
        assertNotEquals(p.mrn(), other.mrn());
        ValidationException reuse = assertThrows(ValidationException.class,
                () -> patients.create(person("Grace", "Hopper", BIRTH, null).withMrn(p.mrn())));
        assertEquals("validation.mrn.taken", reuse.violations().get(0).messageKey());
    }

    @Test
    void sqlShapedNamesAreStoredAndFoundLiterally() {
        Patient p = patients.create(person("Robert'); DROP TABLE patient;--", "O'Brien", BIRTH, null));
        assertEquals("Robert'); DROP TABLE patient;--", patients.get(p.id()).details().givenName());
        assertEquals(List.of(p.mrn()), mrnsFor("o'brien"));
        assertFalse(patients.search(PatientQuery.text("")).isEmpty());
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        Patient p = patients.create(PatientValidatorFixtures.full());
        clinic.close();
        clinic = TestClinic.open(dir);
        patients = clinic.patients();
        assertEquals(p, patients.get(p.id()));
    }
}
