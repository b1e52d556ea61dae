package clinic.threshold.domain.tms;

/** Adverse events a TMS session can bring (domain.md 4.4). */
public enum AdverseEventType {
    HEADACHE, SCALP_PAIN, FACIAL_TWITCH, SYNCOPE, SEIZURE, HEARING, MANIA, SUICIDAL_IDEATION, OTHER
}
