package clinic.threshold.domain.patient;

/** Field names used in violations, so that a screen can put each message next to its control. */
public final class PatientField {
    public static final String MRN = "mrn";
    public static final String GIVEN_NAME = "givenName";
    public static final String FAMILY_NAME = "familyName";
    public static final String PREFERRED_NAME = "preferredName";
    public static final String BIRTH_DATE = "birthDate";
    public static final String SEX = "sex";
    public static final String GENDER_IDENTITY = "genderIdentity";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String ADDRESS = "address";
    public static final String EMERGENCY_NAME = "emergencyName";
    public static final String EMERGENCY_PHONE = "emergencyPhone";
    public static final String MEMBER_ID = "memberId";
    public static final String REFERRING_PROVIDER = "referringProvider";
    public static final String NOTES = "notes";
    public static final String VOID_REASON = "voidReason";
    public static final String DISCHARGE_DATE = "dischargedOn";

    private PatientField() {
    }
}
