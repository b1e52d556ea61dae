package clinic.threshold.domain.tms;

import java.util.List;

/**
 * One course on the TMS screen: its progress, its protocol, the motor threshold due reasons for the next
 * session, and the warnings a clinician should see (authorization, retreatment rule).
 */
public record CourseView(CourseProgress progress, Protocol protocol, List<MtDueReason> mtDue, List<CourseWarning> warnings) {

    public CourseView {
        mtDue = List.copyOf(mtDue);
        warnings = List.copyOf(warnings);
    }

    public Course course() {
        return progress.course();
    }
}
