package clinic.threshold.service.tms;

import clinic.threshold.data.outcome.OutcomeRepository;
import clinic.threshold.data.tms.TmsReferenceRepository;
import clinic.threshold.data.tms.TmsRepository;
import clinic.threshold.domain.tms.Course;
import clinic.threshold.domain.tms.CourseProgress;
import clinic.threshold.domain.tms.Screening;
import clinic.threshold.domain.tms.ScreeningRules;
import clinic.threshold.domain.tms.ScreeningStatus;
import clinic.threshold.domain.tms.TmsAttention;
import clinic.threshold.domain.tms.TmsReference;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What waits for someone across the clinic, oldest first: for those who manage courses, misses in a row, gaps that
 * need a decision and screenings that need a clearance; for those who record scales, overdue assessments.
 */
final class TmsWorkList {
    private TmsWorkList() {
    }

    static List<TmsAttention> read(DSLContext dsl, LocalDate today, boolean manage, boolean scales) {
        TmsReference ref = PatientCourses.reference(dsl, today);
        TmsRepository repo = new TmsRepository(dsl);
        var rules = PatientCourses.scheduleRules(dsl, today);
        java.util.Map<String, String> scaleNames = new OutcomeRepository(dsl).scales().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.code(), d -> d.name()));
        List<TmsAttention> out = new ArrayList<>();
        for (var e : repo.activeCourses()) {
            Course c = e.getKey();
            var t = PatientCourses.track(repo, c, ref, rules, new OutcomeRepository(dsl).entries(c.patientId()), today);
            CourseProgress p = t.progress();
            if (manage && p.decisionNeeded()) {
                out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.GAP_DECISION, p.gapDays(),
                        p.lastDelivered(), null));
            } else if (manage && p.missAlert()) {
                out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.MISSES, p.consecutiveMisses(),
                        p.missedSince(), null));
            }
            var pending = clinic.threshold.domain.tms.AssessmentSchedule.pending(t.schedule())
                    .filter(d -> d.status() == clinic.threshold.domain.tms.DueAssessment.Status.OVERDUE);
            if (scales && pending.isPresent()) {
                out.add(new TmsAttention(c.patientId(), e.getValue(), TmsAttention.Kind.ASSESSMENT_OVERDUE,
                        java.time.temporal.ChronoUnit.DAYS.between(pending.get().due(), today), pending.get().due(),
                        scaleNames.getOrDefault(t.protocol().assessmentScale(), t.protocol().assessmentScale())));
            }
        }
        if (manage) {
            for (var e : repo.unclearedLatestScreenings()) {
                Screening s = e.getKey();
                var form = new TmsReferenceRepository(dsl).screeningForm(s.formVersion());
                if (ScreeningRules.status(form, s) == ScreeningStatus.NEEDS_CLEARANCE) {
                    out.add(new TmsAttention(s.patientId(), e.getValue(), TmsAttention.Kind.CLEARANCE, 0,
                            s.screenedOn(), null));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(TmsAttention::since));
        return out;
    }
}
