package clinic.threshold.domain.patient;

import clinic.threshold.domain.common.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field rules for patient details. Limits match the column sizes in the patient table, so that a value
 * that passes here can always be stored. The age window is a data-entry plausibility rule, not a
 * clinical number.
 */
public final class PatientValidator {
    public static final int NAME_MAX = 80;
    public static final int GENDER_MAX = 60;
    public static final int EMAIL_MAX = 254;
    public static final int MEMBER_ID_MAX = 40;
    public static final int PROVIDER_MAX = 120;
    public static final int ADDRESS_LINE_MAX = 200;
    public static final int NOTES_MAX = 4000;
    public static final int VOID_REASON_MAX = 400;
    public static final int OLDEST_AGE_YEARS = 120;
    public static final int PHONE_MIN_DIGITS = 7;
    public static final int PHONE_MAX_DIGITS = 15;
    public static final int PHONE_MAX_LENGTH = 30;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern PHONE_CHARS = Pattern.compile("^\\+?[0-9 ()./\\-]+$");
    // Names are free text (stored and shown literally, whatever characters they hold) but must contain
    // a letter and no control characters, which only ever arrive by pasting.
    private static final Pattern NAME_CHARS = Pattern.compile("^(?=.*\\p{L})[^\\p{Cntrl}]+$");

    private PatientValidator() {
    }

    /** Every rule the details break, in form order; empty when they may be saved. */
    public static List<Violation> validate(PatientDetails raw, LocalDate today) {
        PatientDetails d = raw.normalized();
        List<Violation> out = new ArrayList<>();
        if (d.mrn() != null && !MrnRule.isValid(d.mrn())) {
            out.add(Violation.of(PatientField.MRN, "validation.mrn.format"));
        }
        requiredName(out, PatientField.GIVEN_NAME, d.givenName());
        requiredName(out, PatientField.FAMILY_NAME, d.familyName());
        if (d.preferredName() != null) {
            name(out, PatientField.PREFERRED_NAME, d.preferredName());
        }
        birthDate(out, d.birthDate(), today);
        if (d.sex() == null) {
            out.add(Violation.of(PatientField.SEX, "validation.required"));
        }
        maxLength(out, PatientField.GENDER_IDENTITY, d.genderIdentity(), GENDER_MAX);
        phone(out, PatientField.PHONE, d.phone());
        if (d.email() != null) {
            if (d.email().length() > EMAIL_MAX) {
                out.add(Violation.of(PatientField.EMAIL, "validation.tooLong", EMAIL_MAX));
            } else if (!EMAIL.matcher(d.email()).matches()) {
                out.add(Violation.of(PatientField.EMAIL, "validation.email.format"));
            }
        }
        maxLength(out, PatientField.ADDRESS, d.address().line(), ADDRESS_LINE_MAX);
        maxLength(out, PatientField.ADDRESS, d.address().city(), NAME_MAX);
        maxLength(out, PatientField.ADDRESS, d.address().region(), NAME_MAX);
        maxLength(out, PatientField.ADDRESS, d.address().postalCode(), 20);
        maxLength(out, PatientField.EMERGENCY_NAME, d.emergencyContact().name(), PROVIDER_MAX);
        phone(out, PatientField.EMERGENCY_PHONE, d.emergencyContact().phone());
        maxLength(out, PatientField.MEMBER_ID, d.memberId(), MEMBER_ID_MAX);
        maxLength(out, PatientField.REFERRING_PROVIDER, d.referringProvider(), PROVIDER_MAX);
        maxLength(out, PatientField.NOTES, d.notes(), NOTES_MAX);
        return out;
    }

    /** Rules for the reason given when voiding a patient entered in error. */
    public static List<Violation> validateVoidReason(String reason) {
        String r = Text.clean(reason);
        if (r == null) {
            return List.of(Violation.of(PatientField.VOID_REASON, "validation.required"));
        }
        if (r.length() > VOID_REASON_MAX) {
            return List.of(Violation.of(PatientField.VOID_REASON, "validation.tooLong", VOID_REASON_MAX));
        }
        return List.of();
    }

    public static List<Violation> validateDischarge(LocalDate dischargedOn, LocalDate today, LocalDate birthDate) {
        if (dischargedOn == null) {
            return List.of(Violation.of(PatientField.DISCHARGE_DATE, "validation.required"));
        }
        if (dischargedOn.isAfter(today)) {
            return List.of(Violation.of(PatientField.DISCHARGE_DATE, "validation.date.future"));
        }
        if (dischargedOn.isBefore(birthDate)) {
            return List.of(Violation.of(PatientField.DISCHARGE_DATE, "validation.discharge.beforeBirth"));
        }
        return List.of();
    }

    private static void requiredName(List<Violation> out, String field, String value) {
        if (value == null) {
            out.add(Violation.of(field, "validation.required"));
        } else {
            name(out, field, value);
        }
    }

    private static void name(List<Violation> out, String field, String value) {
        if (value.length() > NAME_MAX) {
            out.add(Violation.of(field, "validation.tooLong", NAME_MAX));
        } else if (!NAME_CHARS.matcher(value).matches()) {
            out.add(Violation.of(field, "validation.name.chars"));
        }
    }

    private static void birthDate(List<Violation> out, LocalDate birth, LocalDate today) {
        if (birth == null) {
            out.add(Violation.of(PatientField.BIRTH_DATE, "validation.required"));
        } else if (birth.isAfter(today)) {
            out.add(Violation.of(PatientField.BIRTH_DATE, "validation.date.future"));
        } else if (birth.isBefore(today.minusYears(OLDEST_AGE_YEARS))) {
            out.add(Violation.of(PatientField.BIRTH_DATE, "validation.birthDate.tooOld", OLDEST_AGE_YEARS));
        }
    }

    private static void phone(List<Violation> out, String field, String phone) {
        if (phone == null) {
            return;
        }
        if (phone.length() > PHONE_MAX_LENGTH) {
            out.add(Violation.of(field, "validation.tooLong", PHONE_MAX_LENGTH));
            return;
        }
        String digits = Text.digits(phone);
        int n = digits == null ? 0 : digits.length();
        if (!PHONE_CHARS.matcher(phone).matches() || n < PHONE_MIN_DIGITS || n > PHONE_MAX_DIGITS) {
            out.add(Violation.of(field, "validation.phone.format", PHONE_MIN_DIGITS, PHONE_MAX_DIGITS));
        }
    }

    private static void maxLength(List<Violation> out, String field, String value, int max) {
        if (value != null && value.length() > max) {
            out.add(Violation.of(field, "validation.tooLong", max));
        }
    }
}
