package clinic.threshold.domain.user;

/** Field names in user and setup violations. */
public final class UserField {
    public static final String USERNAME = "username";
    public static final String DISPLAY_NAME = "displayName";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_CONFIRM = "passwordConfirm";
    public static final String ROLES = "roles";
    public static final String CLINIC_NAME = "clinicName";
    public static final String TIME_ZONE = "timeZone";
    public static final String IDLE_LOCK = "idleLockMinutes";
    public static final String SIGN_OUT = "signOutMinutes";

    private UserField() {
    }
}
