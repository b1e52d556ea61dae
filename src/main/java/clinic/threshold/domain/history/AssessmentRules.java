package clinic.threshold.domain.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every number the TRD assessment uses, read from reference data ({@link RuleSetting}s) so that an
 * administrator can change them; none is written into the assessment's logic.
 *
 * @param maudsleyFailureLevelMax upper bounds of failed-trial counts for Maudsley levels 1 to 4 (above the
 *                                last: level 5); zero failures score 0
 * @param maudsleyDurationPoints  points for an acute, sub-acute and chronic episode, in that order
 * @param maudsleyFailurePoints   points for each failed-trial level, lowest first (the levels are the bounds and one
 *                                above them); a level past the end of the list scores its last value
 */
public record AssessmentRules(int minWeeksAdequate, int minWeeksFailure, boolean poorAdherenceInadequate,
                              int trdMinFailedTrials, int psychotherapyMinSessions,
                              Set<Modality> psychotherapyModalities, int maudsleyAcuteMaxMonths,
                              int maudsleySubacuteMaxMonths, Map<Severity, Integer> maudsleySeverityPoints,
                              List<Integer> maudsleyFailureLevelMax, List<Integer> maudsleyDurationPoints,
                              List<Integer> maudsleyFailurePoints, int maudsleyAugmentationPoints,
                              int maudsleyEctPoints, int maudsleyMildMax, int maudsleyModerateMax,
                              BigDecimal mghPerFailedTrial, BigDecimal mghPerAugmentationOrCombination,
                              BigDecimal mghFailedEct) {

    /** The keys of the stored settings, in the order the rules screen lists them. */
    public static final List<String> KEYS = keys();

    public AssessmentRules {
        psychotherapyModalities = Set.copyOf(psychotherapyModalities);
        maudsleySeverityPoints = Map.copyOf(maudsleySeverityPoints);
        maudsleyFailureLevelMax = List.copyOf(maudsleyFailureLevelMax);
        maudsleyDurationPoints = List.copyOf(maudsleyDurationPoints);
        maudsleyFailurePoints = List.copyOf(maudsleyFailurePoints);
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>(List.of("adequacy.minWeeksAtDose", "failure.minWeeksAtDose",
                "adequacy.poorAdherenceInadequate", "trd.minFailedTrials", "psychotherapy.minSessions",
                "psychotherapy.modalities", "maudsley.duration.acuteMaxMonths", "maudsley.duration.subacuteMaxMonths",
                "maudsley.duration.points"));
        for (Severity s : Severity.values()) {
            k.add("maudsley.severity." + s.name().toLowerCase(Locale.ROOT));
        }
        k.addAll(List.of("maudsley.failures.levelMax", "maudsley.failures.points", "maudsley.augmentation.points", "maudsley.ect.points",
                "maudsley.band.mildMax", "maudsley.band.moderateMax", "mgh.perFailedTrial",
                "mgh.perAugmentationOrCombination", "mgh.failedEct"));
        return List.copyOf(k);
    }

    /**
     * Builds the rules from stored settings. Every key must be present with a value of its type; the
     * exception names the first that is not, so a bad edit is refused before it can change an assessment.
     */
    public static AssessmentRules from(List<RuleSetting> settings) {
        Map<String, String> v = new HashMap<>();
        settings.forEach(s -> v.put(s.key(), s.value() == null ? null : s.value().strip()));
        Map<Severity, Integer> severity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severity.put(s, integer(v, "maudsley.severity." + s.name().toLowerCase(Locale.ROOT)));
        }
        List<Integer> levels = integers(v, "maudsley.failures.levelMax");
        List<Integer> durationPoints = integers(v, "maudsley.duration.points");
        if (durationPoints.size() != 3) {
            throw new IllegalArgumentException("maudsley.duration.points needs three values (acute, sub-acute, chronic): "
                    + durationPoints);
        }
        List<Integer> failurePoints = integers(v, "maudsley.failures.points");
        // Not an exact count: levels past the end of the list score its last value, so that a clinic which added a
        // level (or adds its bound before its points) never ends up with no assessment at all.
        if (failurePoints.isEmpty()) {
            throw new IllegalArgumentException("maudsley.failures.points needs at least one value");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i) <= levels.get(i - 1)) {
                throw new IllegalArgumentException("maudsley.failures.levelMax must rise: " + levels);
            }
        }
        Set<Modality> modalities = EnumSet.noneOf(Modality.class);
        for (String part : text(v, "psychotherapy.modalities").split(",")) {
            try {
                modalities.add(Modality.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("psychotherapy.modalities: unknown modality " + part.strip(), e);
            }
        }
        return new AssessmentRules(integer(v, "adequacy.minWeeksAtDose"), integer(v, "failure.minWeeksAtDose"),
                bool(v, "adequacy.poorAdherenceInadequate"), integer(v, "trd.minFailedTrials"),
                integer(v, "psychotherapy.minSessions"), modalities, integer(v, "maudsley.duration.acuteMaxMonths"),
                integer(v, "maudsley.duration.subacuteMaxMonths"), severity, levels, durationPoints, failurePoints,
                integer(v, "maudsley.augmentation.points"), integer(v, "maudsley.ect.points"),
                integer(v, "maudsley.band.mildMax"), integer(v, "maudsley.band.moderateMax"),
                decimal(v, "mgh.perFailedTrial"), decimal(v, "mgh.perAugmentationOrCombination"),
                decimal(v, "mgh.failedEct"));
    }

    private static String text(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("assessment rule " + key + " is missing");
        }
        return s;
    }

    private static List<Integer> integers(Map<String, String> v, String key) {
        List<Integer> out = new ArrayList<>();
        for (String part : text(v, key).split(",")) {
            int n = parseInt(key, part.strip());
            if (n < 0) {
                throw new IllegalArgumentException("assessment rule " + key + " must not be negative: " + n);
            }
            out.add(n);
        }
        return out;
    }

    private static int integer(Map<String, String> v, String key) {
        int n = parseInt(key, text(v, key));
        if (n < 0) {
            throw new IllegalArgumentException("assessment rule " + key + " must not be negative: " + n);
        }
        return n;
    }

    private static int parseInt(String key, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("assessment rule " + key + " must be a whole number: " + s, e);
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        String s = text(v, key);
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("assessment rule " + key + " must be true or false: " + s);
        }
        return Boolean.parseBoolean(s);
    }

    private static BigDecimal decimal(Map<String, String> v, String key) {
        try {
            BigDecimal d = new BigDecimal(text(v, key));
            if (d.signum() < 0) {
                throw new IllegalArgumentException("assessment rule " + key + " must not be negative: " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("assessment rule " + key + " must be a number: " + v.get(key), e);
        }
    }
}
