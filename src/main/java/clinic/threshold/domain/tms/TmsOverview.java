package clinic.threshold.domain.tms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A patient's TMS picture: courses (newest last), the safety screening, the newest screening form ({@code form},
 * version {@code formVersion}, for a new screening) and the form the latest screening was answered on ({@code
 * latestForm}, for its clearance; empty when there is none), the motor-threshold history, the current
 * seizure-threshold-lowering drugs (drug to risk groups), and the assessment scale's scores over time (with
 * the scale's name and highest total, for the chart).
 */
public record TmsOverview(LocalDate today, List<CourseView> courses, ScreeningState screening, List<Screening> screenings,
        List<ScreeningItem> form, int formVersion, List<ScreeningItem> latestForm, List<MotorThreshold> motorThresholds, Map<String, Set<String>> seizureDrugs,
        String scale, int scaleMax, List<ScorePoint> scores) {

    /** One total of the course's assessment scale. */
    public record ScorePoint(LocalDate date, int total) {
    }

    public CourseView active() {
        return courses.stream().filter(c -> c.course().status() == CourseStatus.ACTIVE).reduce((a, b) -> b).orElse(null);
    }
}
