package clinic.threshold.domain.tms;

import java.util.List;

/**
 * One course on the TMS screen: its progress, its protocol, the motor threshold due reasons for the next
 * session, the warnings a clinician should see (authorization, retreatment rule), and its assessment schedule.
 */
public record CourseView(CourseProgress progress, Protocol protocol, List<MtDueReason> mtDue, List<CourseWarning> warnings,
        List<DueAssessment> assessments) {

    public CourseView {
        mtDue = List.copyOf(mtDue);
        warnings = List.copyOf(warnings);
        assessments = List.copyOf(assessments);
    }

    public Course course() {
        return progress.course();
    }

    /**
     * The phase to show: a retreatment or maintenance course is shown as such, since its sessions are planned on
     * the protocol's acute template (no maintenance rate is in the reference data) and "Acute" would mislead.
     */
    public Enum<?> shownPhase() {
        return course().type() == CourseType.INITIAL ? progress.phase() : course().type();
    }
}
