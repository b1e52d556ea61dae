package clinic.threshold.domain.tms;

/** How severe an adverse event was. */
public enum EventSeverity {
    MILD, MODERATE, SEVERE
}
