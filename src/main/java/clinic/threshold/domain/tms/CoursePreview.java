package clinic.threshold.domain.tms;

import java.util.List;

/** A course as it would be planned, with the warnings starting it would show. */
public record CoursePreview(List<PlannedSession> plan, List<CourseWarning> warnings) {
}
