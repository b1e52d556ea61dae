package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.audit.AuditLog;
import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.domain.common.ConcurrentEditException;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientSummary;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.testing.PostgresClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's own use cases, through the same services and jOOQ code, on PostgreSQL (issue 13): registering and
 * finding patients, the optimistic lock between two workstations, and the audit chain with its verification.
 */
class PostgresUseCasesIT {
    @TempDir
    Path dir;
    private DSLContext dsl;
    private AuditLog audit;
    private PatientService patients;

    @BeforeEach
    void clinicOnPostgres() {
        PostgresClinic pg = new PostgresClinic(dir, Set.of(Role.ADMIN, Role.CLINICIAN));
        dsl = pg.dsl;
        audit = pg.audit;
        patients = new PatientService(pg.tx, TestClinic.CLOCK, pg.guard);
    }

    @Test
    void patientsAreRegisteredFoundAndProtectedAgainstLostUpdates() {
        Patient a = patients.create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 12, 10), "555-0101"));
        Patient b = patients.create(TestClinic.person("Alan", "Turing", LocalDate.of(1972, 6, 23), "555-0102"));
        assertTrue(b.details().mrn().compareTo(a.details().mrn()) > 0, a.details().mrn() + " then " + b.details().mrn());
        List<PatientSummary> found = patients.search(new PatientQuery("lov", null, null, 10));
        assertEquals(List.of(a.id()), found.stream().map(PatientSummary::id).toList());
        assertEquals(List.of(b.id()), patients.search(new PatientQuery("555-0102", null, null, 10)).stream()
                .map(PatientSummary::id).toList());
        assertEquals(2, patients.count());

        PatientDetails d = a.details();
        Patient edited = patients.update(a.id(), a.version(), new PatientDetails(d.mrn(), d.givenName(), d.familyName(),
                "Countess", d.birthDate(), d.sex(), d.genderIdentity(), d.phone(), d.email(), d.address(),
                d.emergencyContact(), d.payerId(), d.memberId(), d.referringProvider(), d.primaryDiagnosisCode(),
                d.notes()));
        assertEquals("Countess", patients.get(a.id()).details().preferredName());
        // A second workstation still holding the first version is told, and nothing of its edit is saved.
        assertThrows(ConcurrentEditException.class, () -> patients.update(a.id(), a.version(), d));
        assertEquals(edited, patients.get(a.id()));
    }

    @Test
    void theAuditChainIsWrittenAndVerifiedAsOnH2AndAnEditIsFound() {
        for (int i = 0; i < 5; i++) {
            patients.create(TestClinic.person("P" + i, "Audited", LocalDate.of(1990, 1, 1).plusDays(i), null));
        }
        AuditVerifier verifier = new AuditVerifier(audit.anchor());
        var check = verifier.verify(dsl, n -> { });
        assertTrue(check.intact(), check.problem());
        assertTrue(check.eventsChecked() >= 5, "events checked: " + check.eventsChecked());
        dsl.execute("UPDATE audit_event SET patient_id = NULL WHERE seq = 2");
        var broken = verifier.verify(dsl, n -> { });
        assertFalse(broken.intact());
        assertEquals(2L, broken.firstBadSeq());
    }
}
