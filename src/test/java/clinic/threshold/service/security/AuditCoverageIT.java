package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each service call that touches a patient adds exactly the audit events expected, with who and which patient. */
class AuditCoverageIT {
    @TempDir
    Path dir;

    private static List<AuditRecord> newEvents(ClinicServices c, long afterSeq) {
        return c.audit().page(AuditFilter.ALL, null).stream().filter(r -> r.seq() > afterSeq)
                .filter(r -> !r.action().startsWith("audit.")).toList();
    }

    private static long head(ClinicServices c) {
        return c.audit().page(AuditFilter.ALL, null).get(0).seq();
    }

    private static <T> T expect(ClinicServices c, List<String> actions, Supplier<T> call) {
        long before = head(c);
        T result = call.get();
        List<AuditRecord> added = newEvents(c, before);
        assertEquals(actions, added.stream().map(AuditRecord::action).toList());
        for (AuditRecord r : added) {
            assertEquals(TestClinic.TESTER, r.username());
            assertEquals(AuditOutcome.SUCCESS, r.outcome());
        }
        return result;
    }

    @Test
    void everyPatientOperationIsAuditedOnce() {
        try (var c = TestClinic.open(dir)) {
            Patient p = expect(c, List.of("patient.create"), () -> c.patients().create(
                    TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), "555 201 3344")));
            expect(c, List.of("patient.read"), () -> c.patients().get(p.id()));
            expect(c, List.of(), () -> c.patients().search(PatientQuery.text("love")));
            expect(c, List.of(), () -> c.patients().count());
            Patient u = expect(c, List.of("patient.update"), () -> c.patients().update(p.id(), p.version(),
                    TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), "555 201 9000").withMrn(p.mrn())));
            Patient h = expect(c, List.of("patient.status"), () -> c.patients().setStatus(p.id(), u.version(),
                    PatientStatus.ON_HOLD));
            Patient d = expect(c, List.of("patient.discharge"), () -> c.patients().discharge(p.id(), h.version(),
                    TestClinic.TODAY));
            expect(c, List.of("patient.void"), () -> c.patients().voidPatient(p.id(), d.version(), "test entry"));

            List<AuditRecord> all = c.audit().page(new AuditFilter(null, p.id(), null, null, null), null);
            assertTrue(all.stream().allMatch(r -> r.category() == AuditCategory.PATIENT));
            AuditRecord update = all.stream().filter(r -> r.action().equals("patient.update")).findFirst().orElseThrow();
            assertEquals("phone: 555 201 3344 -> 555 201 9000", update.detail());
            assertEquals(Long.valueOf(p.id()), update.patientId());
        }
    }

    @Test
    void aFailedWriteLeavesNoAuditEventAndAnExportIsItselfAudited(@TempDir Path out) throws Exception {
        try (var c = TestClinic.open(dir)) {
            Patient p = c.patients().create(TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), null));
            long before = head(c);
            try {
                c.patients().discharge(p.id(), p.version(), TestClinic.TODAY.plusDays(3));
            } catch (clinic.threshold.domain.common.ValidationException expected) {
                // nothing saved, nothing audited
            }
            assertEquals(List.of(), newEvents(c, before));

            Path csv = out.resolve("audit.csv");
            long n = c.audit().exportCsv(AuditFilter.ALL, csv, x -> { });
            List<String> lines = java.nio.file.Files.readAllLines(csv);
            assertEquals(n + 1, lines.size(), "header plus one line per event");
            assertTrue(lines.get(1).contains("audit.export"), "the export is the newest event: " + lines.get(1));
        }
    }

    @Test
    void signInAndSignOutAreAudited() {
        try (var c = TestClinic.open(dir)) {
            assertEquals("user.signin", c.audit().page(AuditFilter.ALL, null).get(0).action());
        }
        try (var c = TestClinic.open(dir)) {
            List<String> actions = c.audit().page(AuditFilter.ALL, null).stream().map(AuditRecord::action).toList();
            assertEquals(List.of("user.signin", "user.signout", "user.signin"), actions.subList(0, 3));
        }
    }
}
