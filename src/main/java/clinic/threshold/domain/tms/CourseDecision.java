package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** A clinician's recorded decision after a gap, with a note. */
public record CourseDecision(long id, long courseId, GapDecision decision, String note, String decidedBy, LocalDate decidedOn) {
}
