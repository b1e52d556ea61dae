package clinic.threshold.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clinic.threshold.domain.patient.Patient;
import clinic.threshold.service.security.SignInException;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that H2 opens without complaint but whose registry has lost a patient, or shows one voided that
 * nobody voided, is refused as damaged at sign-in (with the restore offered), and a whole one opens.
 */
class RegistryConsistencyIT {
    @TempDir
    Path dir;

    private long setUp(int patients, boolean voidOne) {
        long last = 0;
        try (var c = TestClinic.open(dir)) {
            for (int i = 0; i < patients; i++) {
                Patient p = c.patients().create(TestClinic.person("R" + i, "Registry", LocalDate.of(1960, 1, 1).plusDays(i), null));
                last = p.id();
            }
            if (voidOne) {
                Patient p = c.patients().get(last);
                c.patients().voidPatient(p.id(), p.version(), "registered twice");
            }
        }
        return last;
    }

    @Test
    void aWholeRegistryOpensAndAPatientVoidedThroughTheAppIsNoDamage() {
        setUp(5, true);
        try (var c = TestClinic.open(dir)) {
            assertEquals(4, c.patients().count());
        }
    }

    @Test
    void aRegisteredPatientWhoseRowIsGoneIsDamage() {
        long id = setUp(5, false);
        // What a damaged page can do without H2 noticing: the row is simply not there.
        TestClinic.sql(dir, "DELETE FROM patient WHERE id = " + id);
        SignInException e = assertThrows(SignInException.class, () -> TestClinic.open(dir).close());
        assertEquals(SignInException.Reason.DATABASE_DAMAGED, e.reason());
    }

    @Test
    void aPatientMarkedVoidWithoutAVoidInTheTrailIsDamage() {
        long id = setUp(5, false);
        TestClinic.sql(dir, "UPDATE patient SET voided = TRUE, void_reason = 'x' WHERE id = " + id);
        SignInException e = assertThrows(SignInException.class, () -> TestClinic.open(dir).close());
        assertEquals(SignInException.Reason.DATABASE_DAMAGED, e.reason());
    }
}
