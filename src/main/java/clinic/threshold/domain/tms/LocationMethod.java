package clinic.threshold.domain.tms;

/** How the treatment location was found (domain.md 4.3). */
public enum LocationMethod {
    BEAM_F3, RULE_5_5_CM, NAVIGATION;

    public boolean needsHeadMeasurements() {
        return this == BEAM_F3;
    }
}
