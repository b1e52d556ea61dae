package clinic.threshold.service.demo.synthetic;

import clinic.threshold.domain.patient.MrnRule;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.patient.Text;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.service.demo.SyntheticNames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A patient's registration row: sex (about six in ten women, as TRD clinics see), age 18 to 80 weighted to mid-life,
 * a payer (one in twenty self-pay), a depressive diagnosis mostly, contact details, all invented.
 */
final class PatientMaker {
    static final List<String> COLUMNS = List.of("id", "mrn", "given_name", "family_name", "preferred_name", "birth_date",
            "sex_at_birth", "phone", "email", "address_line", "city", "region", "postal_code", "emergency_contact_name",
            "emergency_contact_phone", "payer_id", "member_id", "referring_provider", "primary_diagnosis_code", "status",
            "discharged_on", "voided", "family_key", "given_key", "preferred_key", "phone_key", "phone_key_rev", "created_at",
            "updated_at", "version");

    private PatientMaker() {
    }

    /** Writes the patient registered on {@code registered} and returns their id (also set on the story). */
    static long write(Story s, LocalDate registered, LocalDate dischargedOn) {
        long id = ++s.ids.patient;
        s.patientId = id;
        boolean female = s.chance(0.62);
        Sex sex = female ? Sex.FEMALE : s.chance(0.02) ? Sex.INTERSEX : Sex.MALE;
        String given = s.pick(female ? SyntheticNames.FEMALE : SyntheticNames.MALE);
        String family = s.pick(SyntheticNames.FAMILY);
        String preferred = s.chance(0.1) ? s.pick(SyntheticNames.PREFERRED) : null;
        int age = 18 + (s.rnd.nextInt(32) + s.rnd.nextInt(32)); // 18-80, most in mid-life
        LocalDate birth = registered.minusYears(age).minusDays(s.rnd.nextInt(365));
        String phone = String.format(Locale.ROOT, "(555) %03d-%04d", 200 + s.rnd.nextInt(700), s.rnd.nextInt(10_000));
        String email = s.chance(0.2) ? null
                : (given + "." + family + id).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]", "") + "@example.org";
        Payer payer = s.chance(0.05) || s.ref.payers().isEmpty() ? null : s.pick(s.ref.payers());
        s.payerName = payer == null ? null : payer.name();
        String mrn = MrnRule.fromSequence(++s.ids.mrn);
        Instant at = s.during(registered);
        s.w.row("patient", COLUMNS, id, mrn, given, family, preferred, birth, sex.name(), phone, email,
                (100 + s.rnd.nextInt(9000)) + " " + s.pick(SyntheticNames.STREETS), s.pick(SyntheticNames.CITIES), "CA",
                String.format(Locale.ROOT, "9%04d", s.rnd.nextInt(10_000)), s.pick(SyntheticNames.FEMALE) + " " + family, phone,
                payer == null ? null : payer.id(), payer == null ? null : "M" + (1_000_000 + s.rnd.nextInt(9_000_000)),
                s.pick(SyntheticNames.REFERRERS), s.pick(SyntheticNames.LIKELY_CODES), dischargedOn == null ? "ACTIVE" : "DISCHARGED",
                dischargedOn, false, Text.nameKey(family), Text.nameKey(given), Text.nameKey(preferred), Text.digits(phone),
                Text.reversed(Text.digits(phone)), s.stamp(at), s.stamp(dischargedOn == null ? at : s.during(dischargedOn)), 1);
        s.audit(at, AuditTrail.Kind.PATIENT_CREATE, id);
        if (dischargedOn != null) {
            s.audit(s.during(dischargedOn), AuditTrail.Kind.DISCHARGE, id);
        }
        return id;
    }
}
