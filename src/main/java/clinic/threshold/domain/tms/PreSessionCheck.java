package clinic.threshold.domain.tms;

import java.math.BigDecimal;

/**
 * The check before each session (domain.md 4.4, 5.3): hours slept, alcohol in the last 24 hours, a change of
 * medication, new metal or an implant, a possible pregnancy. The last two stop the session until re-screened.
 */
public record PreSessionCheck(BigDecimal sleepHours, boolean alcohol, boolean medicationChange, boolean newMetal,
        boolean possiblePregnancy) {

    public boolean needsRescreen() {
        return newMetal || possiblePregnancy;
    }
}
