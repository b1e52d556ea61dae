package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.Confidence;

/**
 * A stimulator with its coil, and the highest output (% of machine output) the clinic allows on it: a session
 * whose computed intensity exceeds it is refused.
 */
public record Device(String code, String name, String coil, int maxOutputPct, boolean active, Confidence confidence,
        String source) {
}
