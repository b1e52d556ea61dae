package clinic.threshold.domain.medication;

/** How a safety rule speaks: a hard stop needs a clinician's documented override; the others inform. */
public enum AlertLevel {
    HARD_STOP, WARNING, NOTICE
}
