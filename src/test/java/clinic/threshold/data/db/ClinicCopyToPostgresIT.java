package clinic.threshold.data.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.audit.AuditVerifier;
import clinic.threshold.audit.FileAuditAnchor;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.demo.synthetic.SyntheticClinic;
import clinic.threshold.service.patient.PatientService;
import clinic.threshold.testing.PostgresClinic;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a clinic from its embedded H2 file to a PostgreSQL server (issue 13): a generated clinic with every kind of
 * record is copied, every table's count agrees, the audit chain verifies on PostgreSQL, the H2 file is unchanged, and
 * records added afterwards on PostgreSQL get fresh ids and patient numbers.
 */
class ClinicCopyToPostgresIT {
    @TempDir
    Path dir;
    @TempDir
    Path pgDir;

    private Connection h2() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("threshold").toAbsolutePath()
                + ";IFEXISTS=TRUE;CIPHER=AES;ACCESS_MODE_DATA=r", "sa", TestClinic.fileKeyHex(dir) + " ");
    }

    @Test
    void aWholeClinicIsCopiedWithEveryCountEqualAndItsAuditChainIntact() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(60, 2, 7), p -> { });
        }
        // An early trial later recorded as augmenting a newer one: it points forward, past the copy's first batch.
        TestClinic.sql(dir, "UPDATE treatment_trial SET augments_id = (SELECT MAX(id) FROM treatment_trial)"
                + " WHERE id = (SELECT MIN(id) FROM treatment_trial)");
        byte[] fileBefore = Files.readAllBytes(dir.resolve("db").resolve("threshold.mv.db"));
        PostgresClinic pg = new PostgresClinic(pgDir, Set.of(Role.ADMIN, Role.CLINICIAN), false);
        ClinicCopy.Result result;
        try (Connection c = h2()) {
            DSLContext h2 = DSL.using(c, SQLDialect.H2, Database.settings());
            result = ClinicCopy.copy(h2, pg.dsl, (step, f) -> { }, 50);
        }
        assertTrue(result.whole(), "counts differ: " + result.differences());
        assertTrue(result.rows() > 5_000, "a clinic's worth of rows: " + result.rows());
        assertTrue(result.counts().get("tms_session")[1] > 500, "sessions copied: " + result.counts().get("tms_session")[1]);
        assertTrue(result.counts().get("audit_event")[1] > 1_000, "audit events copied");
        assertEquals(pg.dsl.fetchValue("SELECT MAX(id) FROM treatment_trial"), pg.dsl.fetchValue(
                "SELECT augments_id FROM treatment_trial WHERE id = (SELECT MIN(id) FROM treatment_trial)"),
                "the forward pointer is copied too");
        assertTrue(java.util.Arrays.equals(fileBefore, Files.readAllBytes(dir.resolve("db").resolve("threshold.mv.db"))),
                "the H2 file is left as it was");

        Files.copy(dir.resolve("audit.head"), pgDir.resolve("audit.head"));
        var check = new AuditVerifier(new FileAuditAnchor(pgDir.resolve("audit.head"))).verify(pg.dsl, n -> { });
        assertTrue(check.intact(), check.problem());
        assertEquals(result.counts().get("audit_event")[0], check.eventsChecked());

        // Work goes on on PostgreSQL: the next patient gets an id and an MRN after every copied one.
        pg.signInFirstAdmin();
        PatientService patients = new PatientService(pg.tx, TestClinic.CLOCK, pg.guard);
        long maxId = pg.dsl.fetchOne("SELECT MAX(id) FROM patient").get(0, Long.class);
        String maxMrn = pg.dsl.fetchOne("SELECT MAX(mrn) FROM patient").get(0, String.class);
        Patient next = patients.create(TestClinic.person("After", "Move", LocalDate.of(1990, 1, 1), null));
        assertTrue(next.id() > maxId);
        assertTrue(next.details().mrn().compareTo(maxMrn) > 0, next.details().mrn() + " after " + maxMrn);
        assertTrue(new AuditVerifier(new FileAuditAnchor(pgDir.resolve("audit.head"))).verify(pg.dsl, n -> { }).intact());
    }

    /**
     * The same clinic on both databases gives the same answers: every administrator report, over the whole history,
     * run through the same service code on H2 and on PostgreSQL, has identical rows (issue 13: "the same jOOQ code").
     */
    @Test
    void everyReportGivesTheSameRowsOnPostgresqlAsOnH2() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(80, 3, 11), p -> { });
        }
        PostgresClinic pg = new PostgresClinic(pgDir, Set.of(Role.ADMIN), false);
        try (Connection c = h2()) {
            assertTrue(ClinicCopy.copy(DSL.using(c, SQLDialect.H2, Database.settings()), pg.dsl, (s, f) -> { }).whole());
        }
        pg.signInFirstAdmin();
        var onServer = new clinic.threshold.service.report.ReportService(pg.tx, TestClinic.CLOCK, pg.guard);
        var range = clinic.threshold.domain.report.ReportParams.between(TestClinic.TODAY.minusYears(3), TestClinic.TODAY);
        int compared = 0;
        try (var c = TestClinic.open(dir)) {
            for (var id : c.reports().available()) {
                var h2Result = c.reports().run(id, range, clinic.threshold.domain.report.Progress.NONE);
                var pgResult = onServer.run(id, range, clinic.threshold.domain.report.Progress.NONE);
                assertEquals(h2Result.table(), pgResult.table(), id + ": the same rows on both databases");
                assertEquals(h2Result.notes(), pgResult.notes(), id + ": the same notes");
                compared += h2Result.table().rows().isEmpty() ? 0 : 1;
            }
            assertTrue(compared >= 8, "reports with rows compared: " + compared);
        }
    }

    /** A copy that fails half-way (here: stopped at the middle table) leaves the server's database as it was. */
    @Test
    void aCopyThatFailsHalfWayLeavesNothingOnTheServer() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.synthetic().generate(new SyntheticClinic.Plan(20, 1, 5), p -> { });
        }
        PostgresClinic pg = new PostgresClinic(pgDir, Set.of(Role.ADMIN), false);
        long payersBefore = pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.PAYER);
        try (Connection c = h2()) {
            DSLContext h2 = DSL.using(c, SQLDialect.H2, Database.settings());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClinicCopy.copy(h2, pg.dsl,
                    (step, fraction) -> {
                        if (fraction >= 0.5 && fraction < 1) {
                            throw new IllegalStateException("the network went away");
                        }
                    }));
            assertEquals("the network went away", e.getMessage());
        }
        assertEquals(0, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.PATIENT));
        assertEquals(0, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.APP_USER));
        assertEquals(0, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.AUDIT_EVENT));
        assertEquals(payersBefore, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.PAYER), "the seeded rows are back");
        // And the same server database then takes the whole copy.
        try (Connection c = h2()) {
            assertTrue(ClinicCopy.copy(DSL.using(c, SQLDialect.H2, Database.settings()), pg.dsl, (s, f) -> { }).whole());
        }
    }

    @Test
    void aTargetThatAlreadyHoldsRowsIsRefusedBeforeAnythingIsWritten() throws Exception {
        try (var c = TestClinic.open(dir)) {
            c.patients().create(TestClinic.person("Only", "One", LocalDate.of(1970, 1, 1), null));
        }
        PostgresClinic pg = new PostgresClinic(pgDir, Set.of(Role.ADMIN), true);
        long before = pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.APP_USER);
        try (Connection c = h2()) {
            DSLContext h2 = DSL.using(c, SQLDialect.H2, Database.settings());
            assertThrows(ClinicCopy.TargetNotEmptyException.class, () -> ClinicCopy.copy(h2, pg.dsl, (s, f) -> { }));
        }
        assertEquals(before, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.APP_USER));
        assertEquals(0, pg.dsl.fetchCount(clinic.threshold.data.jooq.Tables.PATIENT));
    }
}
