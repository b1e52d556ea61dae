package clinic.threshold.service.tms;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.patient.PatientRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.audit.AuditCategory;
import clinic.threshold.domain.audit.AuditEntry;
import clinic.threshold.domain.audit.AuditOutcome;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseRequest;
import clinic.threshold.domain.tms.CourseStatus;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningRules;
import clinic.threshold.domain.tms.ScreeningState;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.tms.SeizureRiskChanges;
import clinic.threshold.domain.tms.TmsOverview;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/** What the TMS use cases share: the screening state, look-ups that refuse what is not there, checks, the audit row. */
final class TmsSupport {
    private static final int MAX_INDICATION = 200;
    private static final int MAX_SESSIONS = 200;

    private TmsSupport() {
    }

    /** The patient's screening as it stands, with the seizure-risk drugs started or raised since (from {@code meds}). */
    static ScreeningState screeningState(DSLContext dsl, long patientId, MedicationOverview meds) {
        List<Screening> all = new TmsRepository(dsl).screenings(patientId);
        if (all.isEmpty()) {
            return new ScreeningState(null, null, List.of());
        }
        Screening latest = all.get(all.size() - 1);
        ScreeningStatus status = ScreeningRules.status(new TmsReferenceRepository(dsl).screeningForm(latest.formVersion()),
                latest);
        Set<String> seizure = meds.seizureFlags().keySet();
        List<String> since = meds.current().stream().filter(o -> seizure.contains(o.order().agent()))
                .filter(o -> SeizureRiskChanges.asksForRescreen(o.order(), latest.screenedOn(), meds.asOf()))
                .map(o -> o.order().agent()).distinct().toList();
        return new ScreeningState(latest, status, since);
    }

    static String screeningProblem(ScreeningState st) {
        if (st.latest() == null) {
            return "tms.error.noScreening";
        }
        if (!st.rescreenFor().isEmpty()) {
            return "tms.error.rescreenMedication";
        }
        return st.status() == ScreeningStatus.BLOCKED ? "tms.error.screeningBlocked" : "tms.error.clearanceNeeded";
    }

    static List<Course> courses(DSLContext dsl, long patientId) {
        return new TmsRepository(dsl).courses(patientId);
    }

    static List<TmsOverview.ScorePoint> scores(DSLContext dsl, long patientId, Protocol p) {
        return scoreSeries(dsl, patientId, p.assessmentScale());
    }

    static List<TmsOverview.ScorePoint> scoreSeries(DSLContext dsl, long patientId, String scale) {
        return new OutcomeRepository(dsl).entries(patientId).stream().filter(e -> e.entry().scale().equals(scale))
                .map(e -> new TmsOverview.ScorePoint(e.entry().date(), e.total())).toList();
    }

    static Protocol checkRequest(TmsReference ref, CourseRequest r) {
        List<Violation> problems = new ArrayList<>();
        Protocol p = r.protocolCode() == null ? null : ref.protocol(r.protocolCode()).filter(Protocol::active).orElse(null);
        if (p == null) {
            problems.add(Violation.of("protocol", "validation.required"));
        }
        if (r.type() == null) {
            problems.add(Violation.of("type", "validation.required"));
        }
        if (r.start() == null) {
            problems.add(Violation.of("start", "validation.required"));
        } else if (!ref.calendar().isOpen(r.start())) {
            problems.add(Violation.of("start", "tms.error.startClosed", r.start()));
        }
        if (r.indication() == null || r.indication().isBlank()) {
            problems.add(Violation.of("indication", "validation.required"));
        } else if (r.indication().strip().length() > MAX_INDICATION) {
            problems.add(Violation.of("indication", "tms.error.tooLong", MAX_INDICATION));
        }
        if (r.plannedSessions() < 1 || r.plannedSessions() > MAX_SESSIONS) {
            problems.add(Violation.of("sessions", "tms.error.sessionsRange", 1, MAX_SESSIONS));
        }
        problems.addAll(Warnings.checkAuthorization(r.authorization()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return p;
    }

    static Course activeCourse(DSLContext dsl, long patientId, long courseId) {
        Course c = course(dsl, patientId, courseId);
        if (c.status() != CourseStatus.ACTIVE) {
            throw new ValidationException(Violation.of("course", "tms.error.courseEnded", c.status().name()));
        }
        return c;
    }

    static Course course(DSLContext dsl, long patientId, long courseId) {
        return new TmsRepository(dsl).course(courseId).filter(c -> c.patientId() == patientId)
                .orElseThrow(() -> new NotFoundException("Course", courseId));
    }

    static void requirePatient(DSLContext dsl, long patientId) {
        new PatientRepository(dsl).findById(patientId).filter(p -> !p.voided())
                .orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    static void audit(Guard guard, DSLContext dsl, UserSession s, String action, long patientId, String entity, long id, String detail) {
        guard.audit().append(dsl, s.actor(), new AuditEntry(action, AuditCategory.PATIENT, patientId, entity,
                Long.toString(id), AuditOutcome.SUCCESS, detail));
    }
}
