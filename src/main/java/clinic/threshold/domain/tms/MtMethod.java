package clinic.threshold.domain.tms;

/** How a motor threshold was found: a visible twitch, or a motor evoked potential on EMG (about 11% lower). */
public enum MtMethod {
    VISUAL, EMG
}
