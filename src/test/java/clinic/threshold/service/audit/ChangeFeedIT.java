package clinic.threshold.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.app.ContextBoundServices;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.security.SignedInClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed the main window polls to follow other workstations (ADR 0025): the patients someone else changed, never
 * the ones only looked at (a reload is itself a read, and must not set other screens reloading), never this user's
 * own changes, and each change once. Runs on H2 and, in the second pass, on PostgreSQL.
 */
class ChangeFeedIT {
    @TempDir
    Path dir;

    @Test
    void othersChangesAreReportedOnceAndReadsAndOwnChangesAreNot() {
        try (ContextBoundServices mine = TestClinic.open(dir)) {
            TestClinic.addUser(mine, mine.context(), "frontdesk", Set.of(Role.CLINICIAN, Role.SCHEDULER));
            Patient looked = mine.patients().create(TestClinic.person("Lou", "Looked", LocalDate.of(1970, 1, 1), null));
            Patient own = mine.patients().create(TestClinic.person("Owen", "Own", LocalDate.of(1971, 1, 1), null));
            long from = mine.changes().head();
            assertEquals(new ChangeFeed.Changes(from, Set.of()), mine.changes().since(from), "nothing yet");

            long registered;
            try (SignedInClinic other = mine.context().gate().signIn("frontdesk", TestClinic.PASSWORD.toCharArray())) {
                other.patients().get(looked.id()); // only looked at: audited as patient.read
                // refused (a front-desk account may not void): audited as DENIED, nothing changed
                org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                        () -> other.patients().voidPatient(looked.id(), looked.version(), "entered in error"));
                Patient p = other.patients().create(TestClinic.person("Nia", "New", LocalDate.of(1980, 5, 5), null));
                registered = p.id();
                PatientDetails d = p.details();
                other.patients().update(p.id(), p.version(), new PatientDetails(d.mrn(), d.givenName(), d.familyName(),
                        "Nee", d.birthDate(), d.sex(), d.genderIdentity(), d.phone(), d.email(), d.address(),
                        d.emergencyContact(), d.payerId(), d.memberId(), d.referringProvider(),
                        d.primaryDiagnosisCode(), d.notes()));
            }
            mine.patients().discharge(own.id(), own.version(), TestClinic.TODAY);

            ChangeFeed.Changes c = mine.changes().since(from);
            assertEquals(Set.of(registered), c.patientIds(), "the other's new and edited patient, once; not the one "
                    + "only read, not my own discharge");
            assertTrue(c.lastSeq() > from);
            assertEquals(mine.changes().head(), c.lastSeq(), "followed up to the newest event");
            assertEquals(Set.of(), mine.changes().since(c.lastSeq()).patientIds(), "each change is reported once");
        }
    }
}
