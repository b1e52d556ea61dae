package clinic.threshold.service.demo;

import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.reference.DiagnosisCode;
import clinic.threshold.domain.reference.Payer;
import clinic.threshold.service.common.ReferenceService;
import clinic.threshold.service.patient.PatientService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The demo's curated patients, the same ones for the same seed, entered through the real services so that every
 * rule applies; the other seeders give them a record in every state the app can show. All names, numbers and
 * addresses are invented.
 */
public final class DemoClinicSeeder {
    private final PatientService patients;
    private final ReferenceService reference;
    private final Clock clock;

    public DemoClinicSeeder(PatientService patients, ReferenceService reference, Clock clock) {
        this.patients = patients;
        this.reference = reference;
        this.clock = clock;
    }

    /** Adds {@code count} patients, the same for the same seed, and returns their ids in the order they were added. */
    public List<Long> seed(int count, long seed) {
        Random rnd = new Random(seed);
        List<Payer> payers = reference.payers();
        List<String> codes = reference.diagnosisCodes().stream().map(DiagnosisCode::code).toList();
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Patient p = patients.create(randomPatient(rnd, i, payers, codes, today));
            applyStatus(rnd, p, today);
            ids.add(p.id());
        }
        return ids;
    }

    private PatientDetails randomPatient(Random rnd, int i, List<Payer> payers, List<String> codes, LocalDate today) {
        boolean female = rnd.nextInt(100) < 62; // TRD clinics see more women than men
        Sex sex = female ? Sex.FEMALE : (rnd.nextInt(40) == 0 ? Sex.INTERSEX : Sex.MALE);
        String given = pick(rnd, female ? SyntheticNames.FEMALE : SyntheticNames.MALE);
        String family = SyntheticNames.FAMILY.get((i * 7 + rnd.nextInt(SyntheticNames.FAMILY.size())) % SyntheticNames.FAMILY.size());
        String preferred = rnd.nextInt(8) == 0 ? pick(rnd, SyntheticNames.PREFERRED) : null;
        LocalDate birth = today.minusYears(18 + rnd.nextInt(62)).minusDays(rnd.nextInt(365));
        String phone = String.format("(555) %03d-%04d", 200 + rnd.nextInt(700), rnd.nextInt(10_000));
        String email = rnd.nextInt(5) == 0 ? null
                : (given + "." + family).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.org";
        Payer payer = pick(rnd, payers);
        String code = pick(rnd, SyntheticNames.LIKELY_CODES);
        String gender = rnd.nextInt(25) == 0 ? "Non-binary" : null;
        return new PatientDetails(null, given, family, preferred, birth, sex, gender, phone, email,
                new PatientDetails.Address((100 + rnd.nextInt(9000)) + " " + pick(rnd, SyntheticNames.STREETS), pick(rnd, SyntheticNames.CITIES),
                        "CA", String.format("9%04d", rnd.nextInt(10_000))),
                new PatientDetails.EmergencyContact(pick(rnd, SyntheticNames.FEMALE) + " " + family,
                        String.format("(555) %03d-%04d", 200 + rnd.nextInt(700), rnd.nextInt(10_000))),
                payer.id(), payer.kind().equals("SELF_PAY") ? null : "M" + (100_000 + rnd.nextInt(900_000)),
                pick(rnd, SyntheticNames.REFERRERS), codes.contains(code) ? code : null,
                rnd.nextInt(4) == 0 ? "Prefers afternoon appointments." : null);
    }

    private void applyStatus(Random rnd, Patient p, LocalDate today) {
        int roll = rnd.nextInt(100);
        if (roll < 15) {
            patients.discharge(p.id(), p.version(), today.minusDays(1 + rnd.nextInt(300)));
        } else if (roll < 25) {
            patients.setStatus(p.id(), p.version(), PatientStatus.ON_HOLD);
        }
    }

    private static <T> T pick(Random rnd, List<T> items) {
        return items.get(rnd.nextInt(items.size()));
    }
}
