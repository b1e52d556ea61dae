package clinic.threshold.domain.tms;

import java.time.LocalDate;

/** One session of a course plan: its number in the course, its day, which of that day's sessions, its phase. */
public record PlannedSession(int number, LocalDate date, int ofDay, SessionPhase phase) {
}
