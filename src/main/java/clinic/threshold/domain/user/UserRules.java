package clinic.threshold.domain.user;

import clinic.threshold.domain.common.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for accounts. Usernames are unique regardless of case; passwords are at least 12 characters
 * (HIPAA-minded clinics expect passphrases) and have no upper limit worth mentioning.
 */
public final class UserRules {
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 512;
    public static final int DISPLAY_NAME_MAX = 120;
    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,59}$");

    private UserRules() {
    }

    /** The form a username is compared and stored by: trimmed, lower case. */
    public static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static List<Violation> validateAccount(String username, String displayName, Set<String> roles) {
        List<Violation> out = new ArrayList<>();
        if (!USERNAME.matcher(key(username)).matches()) {
            out.add(Violation.of(UserField.USERNAME, "validation.username.format"));
        }
        String d = displayName == null ? "" : displayName.strip();
        if (d.isEmpty()) {
            out.add(Violation.of(UserField.DISPLAY_NAME, "validation.required"));
        } else if (d.length() > DISPLAY_NAME_MAX) {
            out.add(Violation.of(UserField.DISPLAY_NAME, "validation.tooLong", DISPLAY_NAME_MAX));
        }
        if (roles == null || roles.isEmpty()) {
            out.add(Violation.of(UserField.ROLES, "validation.roles.required"));
        }
        return out;
    }

    /** Password rules; {@code confirm} may be null when there is no confirmation field. */
    public static List<Violation> validatePassword(char[] password, char[] confirm) {
        List<Violation> out = new ArrayList<>();
        int n = password == null ? 0 : password.length;
        if (n < PASSWORD_MIN) {
            out.add(Violation.of(UserField.PASSWORD, "validation.password.short", PASSWORD_MIN));
        } else if (n > PASSWORD_MAX) {
            out.add(Violation.of(UserField.PASSWORD, "validation.tooLong", PASSWORD_MAX));
        } else if (isBlank(password)) {
            out.add(Violation.of(UserField.PASSWORD, "validation.password.blank"));
        }
        if (confirm != null && !java.util.Arrays.equals(password, confirm)) {
            out.add(Violation.of(UserField.PASSWORD_CONFIRM, "validation.password.mismatch"));
        }
        return out;
    }

    private static boolean isBlank(char[] p) {
        for (char c : p) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }
}
