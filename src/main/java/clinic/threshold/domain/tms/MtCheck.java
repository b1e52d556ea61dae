package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the motor threshold is due on a session day: none yet, a new course without its own, the latest older
 * than the re-measurement interval, a gap in treatment longer than the rule, a dose change of a threshold-shifting
 * drug since (the medication list raises that prompt), a different coil from the one it was measured with, or
 * another stimulator with the same coil (two machines of one coil type need not agree on their output).
 */
public final class MtCheck {
    private MtCheck() {
    }

    public static List<MtDueReason> due(MotorThreshold latest, LocalDate on, LocalDate lastDelivered,
            boolean medicationPrompt, String coil, TmsRules rules) {
        return due(latest, on, lastDelivered, medicationPrompt, coil, rules, null);
    }

    /**
     * As above for a course: {@code newCourseId} is the course when it has no session yet, whose first session
     * (billed with mapping and motor threshold) needs a threshold measured for it, not one from an earlier course.
     */
    public static List<MtDueReason> due(MotorThreshold latest, LocalDate on, LocalDate lastDelivered,
            boolean medicationPrompt, String coil, TmsRules rules, Long newCourseId) {
        return due(latest, on, lastDelivered, medicationPrompt, coil, null, rules, newCourseId);
    }

    /** As above, with the stimulator of the session ({@code deviceCode}; null when not known). */
    public static List<MtDueReason> due(MotorThreshold latest, LocalDate on, LocalDate lastDelivered,
            boolean medicationPrompt, String coil, String deviceCode, TmsRules rules, Long newCourseId) {
        List<MtDueReason> out = new ArrayList<>();
        if (latest == null) {
            out.add(MtDueReason.NONE_RECORDED);
            return out;
        }
        if (newCourseId != null && !newCourseId.equals(latest.courseId())) {
            out.add(MtDueReason.NEW_COURSE);
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
        if (coilDiffers(latest, coil)) {
            out.add(MtDueReason.COIL_CHANGE);
        } else if (deviceDiffers(latest, deviceCode)) {
            out.add(MtDueReason.DEVICE_CHANGE);
        }
        return out;
    }

    /**
     * Whether {@code latest} was measured with this coil and, where both are known, on this stimulator: only then
     * does it stand for a session on them (an MT visit earlier the same day on another machine does not).
     */
    public static boolean sameEquipment(MotorThreshold latest, String coil, String deviceCode) {
        return latest != null && !coilDiffers(latest, coil) && !deviceDiffers(latest, deviceCode);
    }

    private static boolean coilDiffers(MotorThreshold latest, String coil) {
        return coil != null && latest.coil() != null && !coil.strip().equalsIgnoreCase(latest.coil().strip());
    }

    private static boolean deviceDiffers(MotorThreshold latest, String deviceCode) {
        return deviceCode != null && latest.deviceCode() != null && !deviceCode.equals(latest.deviceCode());
    }
}
