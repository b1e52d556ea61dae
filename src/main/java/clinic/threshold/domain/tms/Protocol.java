package clinic.threshold.domain.tms;

import clinic.threshold.domain.history.Confidence;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A TMS treatment protocol as reference data (domain.md 4.1 and 8.1): its stimulation parameters, the range of
 * intensity in % of motor threshold a session may use, the slot it needs (treatment plus set-up; longer for a
 * first session with mapping and motor threshold), its course template and where the numbers come from.
 * {@code offLabel} marks protocols payers treat as experimental (accelerated, device-specific).
 */
public record Protocol(String code, String name, BigDecimal frequencyHz, int intensityPctMt, int minPctMt, int maxPctMt,
        int pulses, BigDecimal trainOnSeconds, BigDecimal trainOffSeconds, int trains, BigDecimal stimulationMinutes,
        int slotMinutes, int firstSlotMinutes, CourseTemplate template, String assessmentScale, int assessEveryDays,
        boolean offLabel, boolean active, Confidence confidence, String source, int version) {

    /** The stimulator output for a session: the motor threshold times this protocol's % of it, rounded half up. */
    public static int outputPct(int mtOutputPct, int pctMt) {
        return new BigDecimal(mtOutputPct).multiply(new BigDecimal(pctMt))
                .divide(new BigDecimal(100), 0, RoundingMode.HALF_UP).intValue();
    }
}
