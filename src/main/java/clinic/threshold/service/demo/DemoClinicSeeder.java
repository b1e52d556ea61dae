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
 * Fills an empty demo database with synthetic patients, the same ones for the same seed, through the real
 * services so that every rule applies. All names, numbers and addresses are invented.
 */
public final class DemoClinicSeeder {
    public static final int DEFAULT_PATIENTS = 60;

    private static final List<String> FEMALE = List.of("Amara", "Beatriz", "Chloe", "Dana", "Elena", "Fatima",
            "Grace", "Hana", "Ingrid", "Jasmine", "Keiko", "Leila", "Maria", "Nadia", "Olivia", "Priya", "Rosa",
            "Sofia", "Tamar", "Uma", "Valentina", "Wei", "Yara", "Zoe");
    private static final List<String> MALE = List.of("Aaron", "Bilal", "Carlos", "Dmitri", "Ethan", "Felipe",
            "Gabriel", "Hiroshi", "Isaac", "Jamal", "Kwame", "Luca", "Mateo", "Noah", "Omar", "Pavel", "Rafael",
            "Samuel", "Tomas", "Victor", "William", "Xavier", "Yusuf", "Zane");
    private static final List<String> FAMILY = List.of("Abernathy", "Baptiste", "Castillo", "Delgado", "Eriksen",
            "Fitzgerald", "Goldberg", "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
            "O'Connor", "Petrov", "Quinn", "Rahman", "Santos", "Takahashi", "Underwood", "Vasquez", "Whitfield",
            "Xu", "Yilmaz", "Zimmerman", "Adeyemi", "Bennett", "Chen", "Okafor", "Nguyen", "Müller", "García-López");
    private static final List<String> PREFERRED = List.of("Bea", "Liv", "Sam", "Max", "Tom", "Vic", "Rafa");
    private static final List<String> CITIES = List.of("Springfield", "Riverton", "Lakeside", "Fairview",
            "Oak Hill", "Millbrook");
    private static final List<String> STREETS = List.of("Maple Ave", "Cedar St", "Harbor Rd", "Elm Court",
            "Willow Lane", "Summit Blvd");
    private static final List<String> REFERRERS = List.of("Dr. Alice Monroe (PCP)", "Dr. Ben Ito (psychiatry)",
            "Riverton Community Mental Health", "Dr. Carla Reyes (PCP)", "Self-referred");
    private static final List<String> LIKELY_CODES = List.of("F33.2", "F33.2", "F33.2", "F32.2", "F33.1",
            "F32.1", "F33.2", "F33.9", "F34.1", "F41.1");

    private final PatientService patients;
    private final ReferenceService reference;
    private final Clock clock;

    public DemoClinicSeeder(PatientService patients, ReferenceService reference, Clock clock) {
        this.patients = patients;
        this.reference = reference;
        this.clock = clock;
    }

    /** Adds {@code count} patients when the registry is empty; does nothing otherwise. Returns how many it added. */
    public int seedIfEmpty(int count, long seed) {
        if (patients.count() > 0) {
            return 0;
        }
        Random rnd = new Random(seed);
        List<Payer> payers = reference.payers();
        List<String> codes = reference.diagnosisCodes().stream().map(DiagnosisCode::code).toList();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < count; i++) {
            Patient p = patients.create(randomPatient(rnd, i, payers, codes, today));
            applyStatus(rnd, p, today);
        }
        return count;
    }

    private PatientDetails randomPatient(Random rnd, int i, List<Payer> payers, List<String> codes, LocalDate today) {
        boolean female = rnd.nextInt(100) < 62; // TRD clinics see more women than men
        Sex sex = female ? Sex.FEMALE : (rnd.nextInt(40) == 0 ? Sex.INTERSEX : Sex.MALE);
        String given = pick(rnd, female ? FEMALE : MALE);
        String family = FAMILY.get((i * 7 + rnd.nextInt(FAMILY.size())) % FAMILY.size());
        String preferred = rnd.nextInt(8) == 0 ? pick(rnd, PREFERRED) : null;
        LocalDate birth = today.minusYears(18 + rnd.nextInt(62)).minusDays(rnd.nextInt(365));
        String phone = String.format("(555) %03d-%04d", 200 + rnd.nextInt(700), rnd.nextInt(10_000));
        String email = rnd.nextInt(5) == 0 ? null
                : (given + "." + family).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.org";
        Payer payer = pick(rnd, payers);
        String code = pick(rnd, LIKELY_CODES);
        String gender = rnd.nextInt(25) == 0 ? "Non-binary" : null;
        return new PatientDetails(null, given, family, preferred, birth, sex, gender, phone, email,
                new PatientDetails.Address((100 + rnd.nextInt(9000)) + " " + pick(rnd, STREETS), pick(rnd, CITIES),
                        "CA", String.format("9%04d", rnd.nextInt(10_000))),
                new PatientDetails.EmergencyContact(pick(rnd, FEMALE) + " " + family,
                        String.format("(555) %03d-%04d", 200 + rnd.nextInt(700), rnd.nextInt(10_000))),
                payer.id(), payer.kind().equals("SELF_PAY") ? null : "M" + (100_000 + rnd.nextInt(900_000)),
                pick(rnd, REFERRERS), codes.contains(code) ? code : null,
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
