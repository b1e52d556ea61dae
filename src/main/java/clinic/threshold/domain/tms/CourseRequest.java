package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** What a clinician fills in to start a course. */
public record CourseRequest(String protocolCode, CourseType type, LocalDate start, String indication, int plannedSessions,
        Authorization authorization) {
}
