package clinic.threshold.domain.patient;

import java.time.LocalDate;

/**
 * Everything a user types about a patient. Blank optional text is stored as null; see {@link #normalized()}.
 * {@code mrn} is null on a new patient until the registry generates one.
 */
public record PatientDetails(
        String mrn,
        String givenName,
        String familyName,
        String preferredName,
        LocalDate birthDate,
        Sex sex,
        String genderIdentity,
        String phone,
        String email,
        Address address,
        EmergencyContact emergencyContact,
        Integer payerId,
        String memberId,
        String referringProvider,
        String primaryDiagnosisCode,
        String notes) {

    public PatientDetails {
        address = address == null ? Address.EMPTY : address;
        emergencyContact = emergencyContact == null ? EmergencyContact.EMPTY : emergencyContact;
    }

    /** Trims every text field and turns blanks into null, so that " " never reaches the database. */
    public PatientDetails normalized() {
        return new PatientDetails(Text.clean(mrn), Text.clean(givenName), Text.clean(familyName),
                Text.clean(preferredName), birthDate, sex, Text.clean(genderIdentity), Text.clean(phone),
                Text.clean(email), address.normalized(), emergencyContact.normalized(), payerId,
                Text.clean(memberId), Text.clean(referringProvider), Text.clean(primaryDiagnosisCode),
                Text.clean(notes));
    }

    public PatientDetails withMrn(String newMrn) {
        return new PatientDetails(newMrn, givenName, familyName, preferredName, birthDate, sex, genderIdentity,
                phone, email, address, emergencyContact, payerId, memberId, referringProvider,
                primaryDiagnosisCode, notes);
    }

    /** Name as staff say it: preferred name when there is one. */
    public String displayName() {
        String first = preferredName != null && !preferredName.isBlank() ? preferredName : givenName;
        return familyName + ", " + first;
    }

    public record Address(String line, String city, String region, String postalCode) {
        public static final Address EMPTY = new Address(null, null, null, null);

        Address normalized() {
            return new Address(Text.clean(line), Text.clean(city), Text.clean(region), Text.clean(postalCode));
        }
    }

    public record EmergencyContact(String name, String phone) {
        public static final EmergencyContact EMPTY = new EmergencyContact(null, null);

        EmergencyContact normalized() {
            return new EmergencyContact(Text.clean(name), Text.clean(phone));
        }
    }
}
