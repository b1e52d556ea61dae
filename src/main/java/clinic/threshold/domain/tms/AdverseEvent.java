package clinic.threshold.domain.tms;

/** An adverse event during or after a session, and what was done about it. */
public record AdverseEvent(AdverseEventType type, EventSeverity severity, String action) {
}
