package clinic.threshold.data.patient;

import clinic.threshold.data.jooq.tables.records.PatientRecord;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.patient.Text;

/** Maps between the patient table's rows and domain records, including the derived search keys. */
final class PatientRecords {
    private PatientRecords() {
    }

    static void write(PatientRecord r, PatientDetails raw) {
        PatientDetails d = raw.normalized();
        r.setMrn(d.mrn());
        r.setGivenName(d.givenName());
        r.setFamilyName(d.familyName());
        r.setPreferredName(d.preferredName());
        r.setBirthDate(d.birthDate());
        r.setSexAtBirth(d.sex().name());
        r.setGenderIdentity(d.genderIdentity());
        r.setPhone(d.phone());
        r.setEmail(d.email());
        r.setAddressLine(d.address().line());
        r.setCity(d.address().city());
        r.setRegion(d.address().region());
        r.setPostalCode(d.address().postalCode());
        r.setEmergencyContactName(d.emergencyContact().name());
        r.setEmergencyContactPhone(d.emergencyContact().phone());
        r.setPayerId(d.payerId());
        r.setMemberId(d.memberId());
        r.setReferringProvider(d.referringProvider());
        r.setPrimaryDiagnosisCode(d.primaryDiagnosisCode());
        r.setNotes(d.notes());
        writeKeys(r);
    }

    /** Derives the search keys from the record's own names and phone. */
    static void writeKeys(PatientRecord r) {
        r.setFamilyKey(Text.nameKey(r.getFamilyName()));
        r.setGivenKey(Text.nameKey(r.getGivenName()));
        r.setPreferredKey(Text.nameKey(r.getPreferredName()));
        String phone = Text.digits(r.getPhone());
        r.setPhoneKey(phone);
        r.setPhoneKeyRev(Text.reversed(phone));
    }

    static Patient toPatient(PatientRecord r) {
        PatientDetails d = new PatientDetails(r.getMrn(), r.getGivenName(), r.getFamilyName(), r.getPreferredName(),
                r.getBirthDate(), clinic.threshold.data.db.StoredValues.enumOf(Sex.class, r.getSexAtBirth()), r.getGenderIdentity(), r.getPhone(), r.getEmail(),
                new PatientDetails.Address(r.getAddressLine(), r.getCity(), r.getRegion(), r.getPostalCode()),
                new PatientDetails.EmergencyContact(r.getEmergencyContactName(), r.getEmergencyContactPhone()),
                r.getPayerId(), r.getMemberId(), r.getReferringProvider(), r.getPrimaryDiagnosisCode(), r.getNotes());
        return new Patient(r.getId(), r.getVersion(), d, clinic.threshold.data.db.StoredValues.enumOf(PatientStatus.class, r.getStatus()), r.getDischargedOn(),
                Boolean.TRUE.equals(r.getVoided()), r.getVoidReason(), r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant());
    }
}
