package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the motor threshold is due on a session day: none yet, the latest older than the re-measurement
 * interval, a gap in treatment longer than the rule, a dose change of a threshold-shifting drug since (the
 * medication list raises that prompt), or a different coil from the one it was measured with.
 */
public final class MtCheck {
    private MtCheck() {
    }

    public static List<MtDueReason> due(MotorThreshold latest, LocalDate on, LocalDate lastDelivered,
            boolean medicationPrompt, String coil, TmsRules rules) {
        List<MtDueReason> out = new ArrayList<>();
        if (latest == null) {
            out.add(MtDueReason.NONE_RECORDED);
            return out;
        }
        if (ChronoUnit.DAYS.between(latest.measuredOn(), on) >= rules.mtEveryDays()) {
            out.add(MtDueReason.WEEKLY);
        }
        if (lastDelivered != null && ChronoUnit.DAYS.between(lastDelivered, on) > rules.mtAfterGapDays()) {
            out.add(MtDueReason.GAP);
        }
        if (medicationPrompt) {
            out.add(MtDueReason.MEDICATION);
        }
        if (coil != null && latest.coil() != null && !coil.strip().equalsIgnoreCase(latest.coil().strip())) {
            out.add(MtDueReason.COIL_CHANGE);
        }
        return out;
    }
}
