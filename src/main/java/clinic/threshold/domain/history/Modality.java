package clinic.threshold.domain.history;

/** Psychotherapy modality; the first five are the evidence-based ones the ATHF-SF recognises. */
public enum Modality {
    CBT, BT, IPT, PST, STPP, OTHER
}
