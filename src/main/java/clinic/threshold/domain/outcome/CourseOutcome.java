package clinic.threshold.domain.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instrument over one TMS course, measured from the course baseline (the latest score in the days before the
 * first session): the latest score in the course, response and remission, and the first session at which each
 * was reached (the sessions given by that score's day).
 */
public record CourseOutcome(CourseWindow course, ScaleDefinition scale, SavedEntry baseline, SavedEntry latest,
        OutcomeClassifier.Result result, OutcomeClassifier.Point firstResponse, Integer firstResponseSession,
        OutcomeClassifier.Point firstRemission, Integer firstRemissionSession) {

    /**
     * Every instrument with a course baseline. Scores count from the day after the baseline to the end of the
     * course (its last session plus {@code windowDays}, or today while it runs).
     */
    public static List<CourseOutcome> of(CourseWindow w, List<ScaleDefinition> scales, Map<String, List<SavedEntry>> byScale,
            OutcomeClassifier classifier, int baselineDaysBefore, int windowDays) {
        List<CourseOutcome> out = new ArrayList<>();
        for (ScaleDefinition d : scales) {
            List<SavedEntry> entries = byScale.getOrDefault(d.code(), List.of());
            SavedEntry baseline = entries.stream().filter(e -> !e.entry().date().isAfter(w.start())
                    && !e.entry().date().isBefore(w.start().minusDays(baselineDaysBefore))).reduce((a, b) -> b).orElse(null);
            if (baseline == null) {
                continue;
            }
            List<SavedEntry> during = entries.stream().filter(e -> e.entry().date().isAfter(baseline.entry().date()))
                    .filter(e -> w.active() || w.lastGiven() == null
                            || !e.entry().date().isAfter(w.lastGiven().plusDays(windowDays))).toList();
            SavedEntry latest = during.isEmpty() ? null : during.get(during.size() - 1);
            OutcomeClassifier.Point base = new OutcomeClassifier.Point(baseline.entry().date(), baseline.total());
            List<OutcomeClassifier.Point> points = during.stream()
                    .map(e -> new OutcomeClassifier.Point(e.entry().date(), e.total())).toList();
            OutcomeClassifier.Point response = classifier.firstResponse(d, base, points).orElse(null);
            OutcomeClassifier.Point remission = classifier.firstRemission(d, base, points).orElse(null);
            out.add(new CourseOutcome(w, d, baseline, latest, latest == null ? null
                    : classifier.classify(d, baseline.total(), latest.total()), response,
                    response == null ? null : w.sessionsBy(response.date()), remission,
                    remission == null ? null : w.sessionsBy(remission.date())));
        }
        return out;
    }
}
