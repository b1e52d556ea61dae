package clinic.threshold.service.security;

import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.user.Role;
import clinic.threshold.domain.user.UserField;
import clinic.threshold.domain.user.UserRules;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What first-run setup accepts, and the recovery key it hands out. */
final class SetupRules {
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int RECOVERY_GROUPS = 6;
    private static final int CLINIC_NAME_MAX = 120;

    private SetupRules() {
    }

    static List<Violation> validate(ClinicSetup s) {
        List<Violation> v = new ArrayList<>();
        String name = s.clinicName() == null ? "" : s.clinicName().strip();
        if (name.isEmpty()) {
            v.add(Violation.of(UserField.CLINIC_NAME, "validation.required"));
        } else if (name.length() > CLINIC_NAME_MAX) {
            v.add(Violation.of(UserField.CLINIC_NAME, "validation.tooLong", CLINIC_NAME_MAX));
        }
        try {
            ZoneId.of(s.timeZone() == null ? "" : s.timeZone().strip());
        } catch (DateTimeException e) {
            v.add(Violation.of(UserField.TIME_ZONE, "validation.timeZone"));
        }
        v.addAll(UserRules.validateAccount(s.adminUsername(), s.adminDisplayName(), Set.of(Role.ADMIN)));
        v.addAll(UserRules.validatePassword(s.password(), s.passwordConfirm()));
        return v;
    }

    /** Six groups of five from an alphabet without look-alikes (no 0/O, 1/I): about 150 bits. */
    static char[] newRecoveryKey() {
        SecureRandom r = new SecureRandom();
        char[] out = new char[RECOVERY_GROUPS * 6 - 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = (i % 6 == 5) ? '-' : RECOVERY_ALPHABET.charAt(r.nextInt(RECOVERY_ALPHABET.length()));
        }
        return out;
    }
}
