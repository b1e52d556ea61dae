package clinic.threshold.domain.tms;

/** A course under way, completed, or stopped early (with a reason). */
public enum CourseStatus {
    ACTIVE, COMPLETED, STOPPED
}
