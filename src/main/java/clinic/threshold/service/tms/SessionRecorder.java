package clinic.threshold.service.tms;

import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.common.NotFoundException;
import clinic.threshold.domain.common.ValidationException;
import clinic.threshold.domain.common.Violation;
import clinic.threshold.domain.medication.MedicationOverview;
import clinic.threshold.domain.tms.BillingCode;
import clinic.threshold.domain.tms.BillingCoder;
import clinic.threshold.domain.tms.BillingRule;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.CourseTracker;
import clinic.threshold.domain.tms.Device;
import clinic.threshold.domain.tms.MotorThreshold;
import clinic.threshold.domain.tms.MtCheck;
import clinic.threshold.domain.tms.MtDueReason;
import clinic.threshold.domain.tms.Protocol;
import clinic.threshold.domain.tms.ReportedChange;
import clinic.threshold.domain.tms.SavedSession;
import clinic.threshold.domain.tms.ScreeningState;
import clinic.threshold.domain.tms.SessionEntry;
import clinic.threshold.domain.tms.SessionResult;
import clinic.threshold.domain.tms.SessionValidator;
import clinic.threshold.domain.tms.TmsReference;
import clinic.threshold.domain.user.UserSession;
import clinic.threshold.service.common.Guard;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Records and signs one delivered session inside the caller's transaction (see {@link TmsService#recordSession}):
 * the course locked, every check, the motor threshold (measured now, at an MT visit today, or the latest), the
 * billing code, one moment for the threshold, the prompts it answers and the session.
 */
final class SessionRecorder {
    private SessionRecorder() {
    }

    static SessionResult record(DSLContext dsl, Guard guard, UserSession s, long patientId, long courseId, SessionEntry e,
            LocalDate today, java.time.Instant now, MedicationOverview meds) {
        TmsRepository repo = new TmsRepository(dsl);
        repo.lockCourse(courseId);
        Course c = TmsSupport.activeCourse(dsl, patientId, courseId);
        TmsReference ref = PatientCourses.reference(dsl, today);
        Protocol p = ref.protocol(c.protocolCode()).orElseThrow(() -> new NotFoundException("Protocol", c.protocolCode()));
        Device device = e.deviceCode() == null ? null : ref.device(e.deviceCode()).orElse(null);
        List<MotorThreshold> mts = repo.motorThresholds(patientId).stream()
                .filter(m -> e.date() == null || !m.measuredOn().isAfter(e.date())).toList();
        MotorThreshold latest = mts.isEmpty() ? null : mts.get(mts.size() - 1);
        Integer mtUsed = e.mtToday() != null ? Integer.valueOf(e.mtToday().outputPct())
                : latest == null ? null : latest.outputPct();
        List<SavedSession> records = repo.sessions(courseId);
        List<SavedSession> sameDay = records.stream().filter(x -> x.delivered() && x.date().equals(e.date())).toList();
        SavedSession lastSession = records.stream().filter(SavedSession::delivered).max(java.util.Comparator
                .comparing(SavedSession::date).thenComparing(SavedSession::signedAt,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).orElse(null);
        LocalDate lastGiven = lastSession == null ? null : lastSession.date();
        ScreeningState screening = TmsSupport.screeningState(dsl, patientId, meds);
        boolean changeScreened = ReportedChange.screenedSince(screening.latest(), e.date(), lastGiven,
                lastSession == null ? null : lastSession.signedAt(), c.start());
        List<Violation> problems = new ArrayList<>(SessionValidator.validate(c, p, device, ref.calendar(), e, mtUsed,
                today, sameDay, lastGiven, changeScreened));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (!screening.allowsTreatment()) {
            throw new ValidationException(Violation.of("screening", TmsSupport.screeningProblem(screening)));
        }
        CourseProgress progress = CourseTracker.track(c, records, repo.decisions(courseId), ref.calendar(), ref.rules(),
                e.date());
        if (progress.decisionNeeded()) {
            throw new ValidationException(Violation.of("course", "tms.error.decisionNeeded", progress.gapDays()));
        }
        if (progress.delivered() >= c.plannedSessions()) {
            throw new ValidationException(Violation.of("course", "tms.error.allDelivered", c.plannedSessions()));
        }
        // A threshold measured for this course earlier the same day (an MT visit before the session) counts as
        // measured at this session, once, when it was measured with this coil on this stimulator; otherwise the
        // usual checks run and ask for one on the session's equipment.
        boolean separateMt = e.mtToday() == null && latest != null && latest.measuredOn().equals(e.date())
                && Long.valueOf(courseId).equals(latest.courseId()) && !repo.mtUsedAtSession(latest.id())
                && MtCheck.sameEquipment(latest, device.coil(), device.code());
        List<MtDueReason> due = separateMt ? List.of() : MtCheck.due(latest, e.date(), progress.lastDelivered(),
                !meds.prompts().isEmpty(), device.coil(), device.code(), ref.rules(),
                progress.delivered() == 0 ? Long.valueOf(courseId) : null);
        List<MtDueReason> blocking = due.stream().filter(r -> r != MtDueReason.WEEKLY).toList();
        if (e.mtToday() == null && !blocking.isEmpty()) {
            throw new ValidationException(Violation.of("mt", "tms.error.mtDue",
                    String.join(", ", blocking.stream().map(Enum::name).toList())));
        }
        boolean initialBilled = progress.sessions().stream().filter(SavedSession::delivered).anyMatch(x ->
                ref.billingCodes().stream().anyMatch(b -> b.rule() == BillingRule.INITIAL && b.code().equals(x.billingCode())));
        boolean mtAtVisit = e.mtToday() != null || separateMt;
        String mtReason = e.mtToday() != null ? e.mtToday().reason() : separateMt ? latest.reason() : null;
        BillingCode code = new BillingCoder(ref.billingCodes()).codeFor(initialBilled, mtAtVisit, mtReason);
        Long mtId;
        if (e.mtToday() != null) {
            String reason = mtReason == null || mtReason.isBlank() ? "first session" : mtReason.strip();
            mtReason = reason;
            mtId = repo.insertMt(patientId, courseId, e.date(), e.mtToday().outputPct(), e.mtToday().method(),
                    device.coil(), device.code(), e.technician().strip(), reason, now);
            repo.resolveMtPrompts(patientId, s.username(), now);
        } else {
            mtId = latest.id();
        }
        int output = Protocol.outputPct(mtUsed, e.pctMt());
        int number = progress.delivered() + 1;
        long id = repo.insertDelivered(courseId, patientId, number, e, mtId, mtUsed, output, mtAtVisit, mtReason,
                code.code(), s.username(), now);
        TmsSupport.audit(guard, dsl, s, "tms.session.record", patientId, "tms_session", id, "session " + number + " "
                + e.date() + " " + code.code() + ", " + e.pulsesDelivered() + " pulses at " + output + "%"
                + (e.events().isEmpty() ? "" : ", " + e.events().size() + " adverse event(s)"));
        return new SessionResult(id, number, code.code(), output,
                due.stream().filter(r -> r == MtDueReason.WEEKLY && !mtAtVisit).toList());
    }
}
