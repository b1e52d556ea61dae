package clinic.threshold.domain.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.common.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientValidatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    static PatientDetails valid() {
        return new PatientDetails(null, "Ada", "Lovelace", null, LocalDate.of(1980, 4, 23), Sex.FEMALE, null,
                "(555) 201-3344", "ada@example.org", null, null, null, null, null, null, null);
    }

    static PatientDetails with(String given, String family, LocalDate birth, String phone, String email) {
        return new PatientDetails(null, given, family, null, birth, Sex.FEMALE, null, phone, email, null, null,
                null, null, null, null, null);
    }

    private static List<String> keys(List<Violation> vs, String field) {
        return vs.stream().filter(v -> v.field().equals(field)).map(Violation::messageKey).toList();
    }

    @Test
    void acceptsCompleteValidDetails() {
        assertEquals(List.of(), PatientValidator.validate(valid(), TODAY));
    }

    @Test
    void requiresNamesBirthDateAndSex() {
        PatientDetails d = new PatientDetails(null, "  ", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        List<Violation> v = PatientValidator.validate(d, TODAY);
        assertEquals(List.of("validation.required"), keys(v, PatientField.GIVEN_NAME));
        assertEquals(List.of("validation.required"), keys(v, PatientField.FAMILY_NAME));
        assertEquals(List.of("validation.required"), keys(v, PatientField.BIRTH_DATE));
        assertEquals(List.of("validation.required"), keys(v, PatientField.SEX));
    }

    @Test
    void rejectsOverlongNamesAtEightyOneCharacters() {
        String eighty = "A".repeat(80);
        assertEquals(List.of(), PatientValidator.validate(with(eighty, "Lovelace", TODAY.minusYears(30), null, null), TODAY));
        List<Violation> v = PatientValidator.validate(with(eighty + "A", "Lovelace", TODAY.minusYears(30), null, null), TODAY);
        assertEquals(List.of("validation.tooLong"), keys(v, PatientField.GIVEN_NAME));
        assertEquals(List.of(80), v.get(0).args());
    }

    @Test
    void namesAreFreeTextButNeedALetterAndNoControlCharacters() {
        assertEquals(List.of(), PatientValidator.validate(with("Robert'); DROP TABLE patient;--", "O'Brien-Núñez",
                TODAY.minusYears(30), null, null), TODAY));
        assertEquals(List.of("validation.name.chars"),
                keys(PatientValidator.validate(with("1234", "Smith", TODAY.minusYears(30), null, null), TODAY),
                        PatientField.GIVEN_NAME));
        assertEquals(List.of("validation.name.chars"),
                keys(PatientValidator.validate(with("Ann\u0007", "Smith", TODAY.minusYears(30), null, null), TODAY),
                        PatientField.GIVEN_NAME));
    }

    @Test
    void birthDateMayBeTodayButNotTomorrowNorOverOneHundredTwentyYearsAgo() {
        assertEquals(List.of(), PatientValidator.validate(with("A", "B", TODAY, null, null), TODAY));
        assertEquals(List.of("validation.date.future"), keys(PatientValidator.validate(
                with("A", "B", TODAY.plusDays(1), null, null), TODAY), PatientField.BIRTH_DATE));
        assertEquals(List.of(), PatientValidator.validate(with("A", "B", TODAY.minusYears(120), null, null), TODAY));
        assertEquals(List.of("validation.birthDate.tooOld"), keys(PatientValidator.validate(
                with("A", "B", TODAY.minusYears(120).minusDays(1), null, null), TODAY), PatientField.BIRTH_DATE));
    }

    @Test
    void rejectsMalformedEmails() {
        for (String bad : List.of("ada", "ada@", "@example.org", "ada@example", "a b@example.org", "ada@@x.org")) {
            assertEquals(List.of("validation.email.format"), keys(PatientValidator.validate(
                    with("A", "B", TODAY.minusYears(30), null, bad), TODAY), PatientField.EMAIL), bad);
        }
    }

    @Test
    void phoneNeedsSevenToFifteenDigitsAndOnlyPhoneCharacters() {
        for (String ok : List.of("555-2013", "+1 (555) 201-3344", "555.201.3344", "+441234567890")) {
            assertEquals(List.of(), PatientValidator.validate(with("A", "B", TODAY.minusYears(30), ok, null), TODAY), ok);
        }
        for (String bad : List.of("123456", "555-CALL-NOW", "1234567890123456", "++1 555 2013", "5552013x")) {
            assertEquals(List.of("validation.phone.format"), keys(PatientValidator.validate(
                    with("A", "B", TODAY.minusYears(30), bad, null), TODAY), PatientField.PHONE), bad);
        }
    }

    @Test
    void givenMrnMustPassTheRule() {
        PatientDetails d = valid().withMrn("TH0000017");
        assertEquals(List.of("validation.mrn.format"), keys(PatientValidator.validate(d, TODAY), PatientField.MRN));
        assertEquals(List.of(), PatientValidator.validate(valid().withMrn("TH0000018"), TODAY));
    }

    @Test
    void voidNeedsAReasonOfAtMostFourHundredCharacters() {
        assertEquals("validation.required", PatientValidator.validateVoidReason("  ").get(0).messageKey());
        assertTrue(PatientValidator.validateVoidReason("Entered twice").isEmpty());
        assertEquals("validation.tooLong", PatientValidator.validateVoidReason("x".repeat(401)).get(0).messageKey());
    }

    @Test
    void dischargeDateBetweenBirthAndToday() {
        LocalDate birth = LocalDate.of(1980, 1, 1);
        assertTrue(PatientValidator.validateDischarge(TODAY, TODAY, birth).isEmpty());
        assertEquals("validation.date.future",
                PatientValidator.validateDischarge(TODAY.plusDays(1), TODAY, birth).get(0).messageKey());
        assertEquals("validation.discharge.beforeBirth",
                PatientValidator.validateDischarge(birth.minusDays(1), TODAY, birth).get(0).messageKey());
    }
}
