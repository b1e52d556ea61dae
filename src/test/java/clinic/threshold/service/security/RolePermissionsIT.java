package clinic.threshold.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clinic.threshold.domain.audit.AuditFilter;
import clinic.threshold.domain.common.AccessDeniedException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.user.Permission;
import clinic.threshold.domain.user.Role;
import clinic.threshold.testing.TestClinic;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Role permissions are data an administrator edits; changes apply at the next sign-in and are audited. */
class RolePermissionsIT {
    @TempDir
    Path dir;

    @Test
    void anAdministratorNarrowsARoleAndTheChangeIsEnforcedAndAudited() {
        try (var admin = TestClinic.open(dir)) {
            TestClinic.addUser(admin, admin.context(), "desk", Set.of(Role.SCHEDULER));
            var matrix = admin.users().roleMatrix();
            assertTrue(matrix.roles().get(Role.SCHEDULER).contains(Permission.PATIENT_WRITE));
            // Every permission the code names is in the table, and no other.
            long named = java.util.Arrays.stream(Permission.class.getDeclaredFields())
                    .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).count();
            assertEquals(20, named);
            assertEquals(named, matrix.permissions().size());
            admin.users().setRolePermissions(Role.SCHEDULER, Set.of(Permission.PATIENT_READ, Permission.SCHEDULE_WRITE));
            var events = admin.audit().page(new AuditFilter(null, null, "role.permissions.change", null, null), null);
            assertEquals(1, events.size());
            assertTrue(events.get(0).detail().contains("patient.write"), events.get(0).detail());
        }
        try (var desk = TestClinic.signIn(dir, "desk", TestClinic.PASSWORD)) {
            assertFalse(desk.session().current().orElseThrow().may(Permission.PATIENT_WRITE));
            assertThrows(AccessDeniedException.class, () -> desk.patients().create(
                    TestClinic.person("Ada", "Lovelace", LocalDate.of(1980, 4, 23), null)));
            assertEquals(0, desk.patients().count());
        }
    }

    @Test
    void theAdministratorRoleCannotLoseUserAdministration() {
        try (var admin = TestClinic.open(dir)) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> admin.users().setRolePermissions(Role.ADMIN, Set.of(Permission.PATIENT_READ)));
            assertEquals("validation.role.adminKeepsUserAdmin", e.violations().get(0).messageKey());
            assertThrows(ValidationException.class,
                    () -> admin.users().setRolePermissions(Role.CLINICIAN, Set.of("patient.teleport")));
            assertTrue(admin.users().roleMatrix().roles().get(Role.ADMIN).contains(Permission.USER_ADMIN));
        }
    }
}
