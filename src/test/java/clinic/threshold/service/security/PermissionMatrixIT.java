package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.audit.AuditRecord;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.patient.Patient;
import clinic.threshold.domain.patient.PatientDetails;
import clinic.threshold.domain.patient.PatientQuery;
import clinic.threshold.domain.patient.PatientStatus;
import clinic.threshold.domain.patient.Sex;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.Role;
import clinic.threshold.service.ClinicServices;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Roles x permissions x operations: every service operation is tried by every role. Allowed calls work;
 * refused ones throw AccessDeniedException, change nothing and leave a DENIED audit event.
 */
class PermissionMatrixIT {
    @TempDir
    static Path dir;
    static long patientId;
    static long voidTarget;
    static String patientMrn;

    static final Map<String, Set<String>> EXPECTED = Map.of(
            Role.ADMIN, Set.of(Permission.PATIENT_READ, Permission.PATIENT_WRITE, Permission.PATIENT_VOID,
                    Permission.REPORT_RUN, Permission.AUDIT_READ, Permission.USER_ADMIN, Permission.SETTINGS_ADMIN,
                    Permission.BACKUP_MANAGE, Permission.REFERENCE_EDIT, Permission.SCHEDULE_WRITE, Permission.AUTHORIZATION_MANAGE,
                    Permission.REPORT_ALL),
            Role.CLINICIAN, Set.of(Permission.PATIENT_READ, Permission.PATIENT_WRITE, Permission.CLINICAL_READ,
                    Permission.HISTORY_WRITE, Permission.MEDICATION_PRESCRIBE, Permission.MEDICATION_READ,
                    Permission.REPORT_RUN, Permission.OUTCOME_RECORD, Permission.SAFETY_REVIEW,
                    Permission.TMS_SESSION_RECORD, Permission.TMS_COURSE_MANAGE, Permission.AUTHORIZATION_MANAGE),
            Role.TMS_TECHNICIAN, Set.of(Permission.PATIENT_READ, Permission.CLINICAL_READ,
                    Permission.TMS_SESSION_RECORD, Permission.MEDICATION_READ, Permission.OUTCOME_RECORD),
            Role.SCHEDULER, Set.of(Permission.PATIENT_READ, Permission.PATIENT_WRITE, Permission.SCHEDULE_WRITE,
                    Permission.REPORT_RUN, Permission.MEDICATION_READ, Permission.AUTHORIZATION_MANAGE),
            Role.INTAKE, Set.of(Permission.PATIENT_READ, Permission.PATIENT_WRITE, Permission.CLINICAL_READ, Permission.MEDICATION_READ,
                    Permission.AUTHORIZATION_MANAGE));

    @BeforeAll
    static void clinicWithOneUserPerRole() {
        try (var c = TestClinic.open(dir)) {
            for (String role : EXPECTED.keySet()) {
                TestClinic.addUser(c, c.context(), "u." + role.toLowerCase(), Set.of(role));
            }
            Patient ada = c.patients().create(new PatientDetails(null, "Ada", "Lovelace", null, LocalDate.of(1980, 4, 23),
                    Sex.FEMALE, null, null, null, null, null, null, null, null, "F33.2", "Clinical note"));
            patientId = ada.id();
            patientMrn = ada.mrn();
            voidTarget = c.patients().create(TestClinic.person("Void", "Me", LocalDate.of(1990, 1, 1), null)).id();
        }
    }

    /** One operation, the permission it needs, and how to call it. */
    record Op(String name, String permission, Consumer<ClinicServices> call) {
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op("patients.search", Permission.PATIENT_READ, c -> c.patients().search(PatientQuery.text("love"))));
        ops.add(new Op("patients.get", Permission.PATIENT_READ, c -> c.patients().get(patientId)));
        ops.add(new Op("patients.count", Permission.PATIENT_READ, c -> c.patients().count()));
        ops.add(new Op("patients.duplicates", Permission.PATIENT_WRITE,
                c -> c.patients().possibleDuplicates(TestClinic.person("A", "B", LocalDate.of(1990, 1, 1), null), null)));
        ops.add(new Op("patients.create", Permission.PATIENT_WRITE,
                c -> c.patients().create(TestClinic.person("New", "Person", LocalDate.of(1990, 1, 1), null))));
        ops.add(new Op("patients.update", Permission.PATIENT_WRITE, c -> {
            Patient p = c.patients().get(patientId);
            c.patients().update(patientId, p.version(), p.details());
        }));
        ops.add(new Op("patients.setStatus", Permission.PATIENT_WRITE, c -> {
            Patient p = c.patients().get(patientId);
            c.patients().setStatus(patientId, p.version(), PatientStatus.ACTIVE);
        }));
        ops.add(new Op("patients.void", Permission.PATIENT_VOID, c -> {
            try {
                c.patients().voidPatient(voidTarget, 1, "entered twice");
            } catch (clinic.threshold.domain.common.NotFoundException already) {
                // voided by an earlier allowed role: the permission check itself passed
            }
        }));
        ops.add(new Op("users.list", Permission.USER_ADMIN, c -> c.users().list()));
        ops.add(new Op("users.roles", Permission.USER_ADMIN, c -> c.users().roles()));
        ops.add(new Op("users.unlock", Permission.USER_ADMIN, c -> c.users().unlock(1)));
        ops.add(new Op("audit.page", Permission.AUDIT_READ, c -> c.audit().page(AuditFilter.ALL, null)));
        ops.add(new Op("audit.verify", Permission.AUDIT_READ, c -> c.audit().verify(n -> { })));
        ops.add(new Op("settings.idle", Permission.SETTINGS_ADMIN, c -> c.settings().setIdleTimes(10, 30)));
        ops.add(new Op("backup.list", Permission.BACKUP_MANAGE, c -> c.backups().list()));
        ops.add(new Op("backup.settings", Permission.BACKUP_MANAGE, c -> c.backups().settings()));
        ops.add(new Op("history.overview", Permission.CLINICAL_READ, c -> c.history().overview(patientId)));
        ops.add(new Op("history.formulary", Permission.CLINICAL_READ, c -> c.history().formulary()));
        ops.add(new Op("history.episode", Permission.HISTORY_WRITE, c -> c.history().saveEpisode(patientId, null, 0,
                new clinic.threshold.domain.history.Episode(null, LocalDate.of(2024, 1, 1), null,
                        clinic.threshold.domain.history.Severity.MILD), null)));
        ops.add(new Op("history.export", Permission.CLINICAL_READ, c -> c.historyTransfer().export(patientMrn)));
        ops.add(new Op("medication.overview", Permission.MEDICATION_READ, c -> c.medications().overview(patientId)));
        ops.add(new Op("medication.order", Permission.MEDICATION_PRESCRIBE, c -> c.medications().saveOrder(patientId,
                null, 0, clinic.threshold.testing.Orders.daily("sertraline", TestClinic.TODAY, "50"),
                null)));
        ops.add(new Op("outcome.overview", Permission.CLINICAL_READ, c -> c.outcomes().overview(patientId)));
        ops.add(new Op("outcome.worklist", Permission.SAFETY_REVIEW, c -> c.outcomes().workList()));
        ops.add(new Op("reference.rule", Permission.REFERENCE_EDIT, c -> c.referenceData().addRuleVersion(
                new clinic.threshold.domain.history.RuleSetting("trd.minFailedTrials", "2",
                        clinic.threshold.domain.history.Confidence.DESIGN, "matrix test", TestClinic.TODAY.plusDays(1)))));
        ops.add(new Op("payer.readiness", Permission.CLINICAL_READ, c -> c.payers().readiness(patientId)));
        ops.add(new Op("payer.intake", Permission.CLINICAL_READ, c -> c.payers().intake()));
        ops.add(new Op("authorization.pipeline", Permission.PATIENT_READ, c -> c.authorizations().pipeline()));
        ops.add(new Op("authorization.suggest", Permission.AUTHORIZATION_MANAGE, c -> c.authorizations().suggest(patientId,
                clinic.threshold.domain.payer.AuthKind.INITIAL)));
        ops.add(new Op("letter.list", Permission.PATIENT_READ, c -> c.letters().letters(-1)));
        ops.add(new Op("payer.policyExport", Permission.REFERENCE_EDIT, c -> c.policyAdmin().exportJson(List.of("AETNA_CPB_0469"))));
        ops.add(new Op("payer.exclusionAdd", Permission.REFERENCE_EDIT, c -> {
            try {
                // Alcohol use disorder: no patient here has a payer, so no other row's readiness changes.
                c.policyAdmin().addExclusionRule(new clinic.threshold.domain.payer.ExclusionRule(
                        clinic.threshold.domain.payer.Exclusion.SUBSTANCE_USE_90_DAYS,
                        clinic.threshold.domain.payer.ExclusionRule.Evidence.DIAGNOSIS, "F10",
                        clinic.threshold.domain.history.Confidence.DESIGN, "matrix test"));
            } catch (clinic.threshold.domain.common.ValidationException alreadyInForce) {
                // added by an earlier allowed role: the permission check itself passed
            }
        }));
        ops.add(new Op("report.attendance", Permission.REPORT_RUN, c -> c.reports().run(clinic.threshold.domain.report.ReportId.ATTENDANCE,
                clinic.threshold.domain.report.ReportParams.between(TestClinic.TODAY.minusDays(7), TestClinic.TODAY),
                clinic.threshold.domain.report.Progress.NONE)));
        ops.add(new Op("schedule.day", Permission.PATIENT_READ, c -> c.schedule().day(TestClinic.TODAY)));
        ops.add(new Op("schedule.export", Permission.PATIENT_READ, c -> c.scheduleExports().remindersCsv(TestClinic.TODAY)));
        ops.add(new Op("schedule.hours", Permission.SETTINGS_ADMIN, c -> c.scheduleSetup().setClinicHours(
                clinic.threshold.testing.ScheduleFixture.weekdays(7, 19))));
        ops.add(new Op("schedule.arrive", Permission.SCHEDULE_WRITE, c -> {
            try {
                c.schedule().arrive(-1, 0);
            } catch (clinic.threshold.domain.common.NotFoundException none) {
                // no such appointment: the permission check itself passed
            }
        }));
        return ops;
    }

    @Test
    void eachRoleHoldsExactlyTheSeededPermissions() {
        for (var e : EXPECTED.entrySet()) {
            try (var c = TestClinic.signIn(dir, "u." + e.getKey().toLowerCase(), TestClinic.PASSWORD)) {
                assertEquals(e.getValue(), c.session().current().orElseThrow().permissions(), e.getKey());
            }
        }
    }

    @Test
    void everyOperationIsAllowedOrRefusedAndAuditedAccordingToTheRole() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (var e : EXPECTED.entrySet()) {
            for (Op op : operations()) {
                try (var c = TestClinic.signIn(dir, "u." + e.getKey().toLowerCase(), TestClinic.PASSWORD)) {
                    boolean allowed = e.getValue().contains(op.permission());
                    try {
                        op.call().accept(c);
                        if (!allowed) {
                            failures.put(e.getKey() + " " + op.name(), "was allowed without " + op.permission());
                        }
                    } catch (AccessDeniedException denied) {
                        if (allowed) {
                            failures.put(e.getKey() + " " + op.name(), "was refused");
                        } else {
                            assertEquals(op.permission(), denied.permission());
                        }
                    }
                }
            }
        }
        assertEquals(Map.of(), failures);
        try (var admin = TestClinic.open(dir)) {
            // Every page, not just the newest: the matrix writes more events than one page holds.
            List<AuditRecord> all = new ArrayList<>();
            for (List<AuditRecord> page = admin.audit().page(AuditFilter.ALL, null); !page.isEmpty();
                 page = admin.audit().page(AuditFilter.ALL, page.get(page.size() - 1).seq())) {
                all.addAll(page);
            }
            List<AuditRecord> denied = all.stream().filter(r -> r.outcome() == AuditOutcome.DENIED).toList();
            long refusals = EXPECTED.values().stream().mapToLong(perms -> operations().stream()
                    .filter(op -> !perms.contains(op.permission())).count()).sum();
            assertEquals(refusals, denied.size(), "one DENIED event per refused call");
        }
    }

    @Test
    void schedulersSeeNoClinicalDetailsAndTheirEditsKeepThem() {
        try (var s = TestClinic.signIn(dir, "u.scheduler", TestClinic.PASSWORD)) {
            Patient p = s.patients().get(patientId);
            assertNull(p.details().primaryDiagnosisCode());
            assertNull(p.details().notes());
            s.patients().update(patientId, p.version(), new PatientDetails(p.mrn(), "Ada", "Lovelace", null,
                    LocalDate.of(1980, 4, 23), Sex.FEMALE, null, "555 201 3344", null, null, null, null, null, null,
                    null, null));
        }
        try (var c = TestClinic.signIn(dir, "u.clinician", TestClinic.PASSWORD)) {
            Patient p = c.patients().get(patientId);
            assertEquals("F33.2", p.details().primaryDiagnosisCode());
            assertEquals("Clinical note", p.details().notes());
            assertEquals("555 201 3344", p.details().phone());
        }
    }

    @Test
    void nothingWorksAfterSignOut() {
        var c = TestClinic.signIn(dir, "u.clinician", TestClinic.PASSWORD);
        var patients = c.patients();
        c.close();
        assertThrows(AccessDeniedException.class, () -> patients.count());
        assertThrows(AccessDeniedException.class, () -> c.reference().payers());
        assertFalse(c.session().current().isPresent());
    }
}
