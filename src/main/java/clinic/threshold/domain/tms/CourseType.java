package clinic.threshold.domain.tms;

/** Why a course is given: a first (index) course, a retreatment after relapse, or maintenance. */
public enum CourseType {
    INITIAL, RETREATMENT, MAINTENANCE
}
