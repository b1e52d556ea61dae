package clinic.threshold.domain.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an edit changed, for the audit trail: "phone: (555) 201-3344 -> 555 201 9000; notes changed". */
public final class PatientChanges {
    private static final int SHOWN_MAX = 80;

    private PatientChanges() {
    }

    public static String describe(PatientDetails before, PatientDetails after) {
        PatientDetails a = before.normalized();
        PatientDetails b = after.normalized();
        List<String> out = new ArrayList<>();
        field(out, "mrn", a.mrn(), b.mrn());
        field(out, "givenName", a.givenName(), b.givenName());
        field(out, "familyName", a.familyName(), b.familyName());
        field(out, "preferredName", a.preferredName(), b.preferredName());
        field(out, "birthDate", a.birthDate(), b.birthDate());
        field(out, "sex", a.sex(), b.sex());
        field(out, "genderIdentity", a.genderIdentity(), b.genderIdentity());
        field(out, "phone", a.phone(), b.phone());
        field(out, "email", a.email(), b.email());
        field(out, "address", a.address(), b.address());
        field(out, "emergencyContact", a.emergencyContact(), b.emergencyContact());
        field(out, "payerId", a.payerId(), b.payerId());
        field(out, "memberId", a.memberId(), b.memberId());
        field(out, "referringProvider", a.referringProvider(), b.referringProvider());
        field(out, "primaryDiagnosisCode", a.primaryDiagnosisCode(), b.primaryDiagnosisCode());
        if (!Objects.equals(a.notes(), b.notes())) {
            out.add("notes changed");
        }
        return out.isEmpty() ? "no changes" : String.join("; ", out);
    }

    private static void field(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name + ": " + shown(a) + " -> " + shown(b));
        }
    }

    private static String shown(Object o) {
        String s = o == null ? "(none)" : o.toString();
        return s.length() > SHOWN_MAX ? s.substring(0, SHOWN_MAX) + "..." : s;
    }
}
