package clinic.threshold.service.demo.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The prior authorization behind each insured course: requested one to three weeks before the first session and
 * approved for the planned sessions over the course's window; about one in eight is denied first (for the reasons
 * payers give) and approved on a second request with more documentation. Self-pay patients need none.
 */
final class AuthorizationMaker {
    static final List<String> AUTHORIZATION = List.of("id", "patient_id", "course_id", "kind", "payer_name", "plan_name",
            "policy_code", "protocol_code", "requested_sessions", "clinician", "status", "auth_number", "units", "window_first",
            "window_last", "submitted_on", "decided_on", "denial_reason", "documents_sent", "note", "voided", "void_reason",
            "created_at", "created_by", "version");
    static final List<String> EVENT = List.of("id", "authorization_id", "status", "effective_on", "note", "recorded_at",
            "recorded_by");
    private static final List<String> DENIALS = List.of("Fewer than the required number of failed trials documented",
            "No trial of psychotherapy documented", "Baseline rating scale missing", "Not medically necessary");
    private static final String INTAKE = "demo.intake";
    /** Days an approval runs from the first session: the acute course, its taper and some slack. */
    private static final int WINDOW_DAYS = 84;

    private AuthorizationMaker() {
    }

    /** The request(s) for a course starting on {@code first} with {@code planned} sessions, for an insured patient. */
    static void write(Story s, long course, String protocol, String type, LocalDate first, int planned) {
        if (s.payerName == null) {
            return;
        }
        String kind = "RETREATMENT".equals(type) ? "RETREATMENT" : "INITIAL";
        LocalDate submitted = first.minusDays(s.between(7, 21));
        if (s.chance(0.12)) {
            LocalDate denied = submitted.minusDays(s.between(20, 40));
            request(s, course, protocol, kind, planned, denied, denied.plusDays(s.between(3, 14)), s.pick(DENIALS), first);
        }
        request(s, course, protocol, kind, planned, submitted, submitted.plusDays(s.between(1, Math.max(1,
                (int) java.time.temporal.ChronoUnit.DAYS.between(submitted, first) - 1))), null, first);
    }

    private static void request(Story s, long course, String protocol, String kind, int planned, LocalDate submitted,
            LocalDate decided, String denial, LocalDate first) {
        long id = ++s.ids.authorization;
        boolean approved = denial == null;
        Instant created = s.during(submitted);
        Instant decidedAt = s.during(decided);
        s.w.row("prior_authorization", AUTHORIZATION, id, s.patientId, course, kind, s.payerName, null, null, protocol, planned,
                "demo.clinician", approved ? "APPROVED" : "DENIED",
                approved ? String.format(Locale.ROOT, "PA-%07d", id) : null, approved ? planned : null,
                approved ? first : null, approved ? first.plusDays(WINDOW_DAYS) : null, submitted, decided, denial,
                "Treatment history; PHQ-9 baseline; clinician letter", null, false, null, s.stamp(created), INTAKE, 2);
        s.w.row("authorization_event", EVENT, ++s.ids.authorizationEvent, id, "SUBMITTED", submitted, null, s.stamp(created), INTAKE);
        s.w.row("authorization_event", EVENT, ++s.ids.authorizationEvent, id, approved ? "APPROVED" : "DENIED", decided, denial,
                s.stamp(decidedAt), INTAKE);
        s.audit(created, AuditTrail.Kind.AUTH_CREATE, id);
        s.audit(decidedAt, AuditTrail.Kind.AUTH_STATUS, id);
    }
}
