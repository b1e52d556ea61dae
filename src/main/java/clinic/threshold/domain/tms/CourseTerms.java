package clinic.threshold.domain.tms;

/**
 * The protocol's terms a course keeps from its start, beside its template, pulses and % MT: the range of % MT
 * its sessions may use, the trains a session is planned with, how often the assessment scale is due, and
 * whether payers see it as off-label. A later edit of the protocol applies to new courses only.
 */
public record CourseTerms(int minPctMt, int maxPctMt, int trains, int assessEveryDays, boolean offLabel) {

    /** The terms of {@code p} as it stands (for a course starting now). */
    public static CourseTerms of(Protocol p) {
        return new CourseTerms(p.minPctMt(), p.maxPctMt(), p.trains(), p.assessEveryDays(), p.offLabel());
    }
}
