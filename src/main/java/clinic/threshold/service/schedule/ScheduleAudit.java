package clinic.threshold.service.schedule;

import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import org.jooq.DSLContext;

/** Audit rows for bookings: under the patient, naming the appointment (or course) and what changed. */
final class ScheduleAudit {
    private ScheduleAudit() {
    }

    static void patient(Guard guard, DSLContext dsl, UserSession s, String action, long patientId, long id, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.PATIENT, patientId, "appointment",
                Long.toString(id), AuditOutcome.SUCCESS, detail));
    }

    static void course(Guard guard, DSLContext dsl, UserSession s, long patientId, long courseId, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry("schedule.course", AuditCategory.PATIENT, patientId, "tms_course",
                Long.toString(courseId), AuditOutcome.SUCCESS, detail));
    }
}
