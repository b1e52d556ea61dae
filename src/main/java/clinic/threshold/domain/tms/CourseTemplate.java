package clinic.threshold.domain.tms;

import java.util.List;

/**
 * How a protocol's course runs (domain.md 4.2): acute sessions at a rate per week (and per day for accelerated
 * protocols, with a minimum interval between a patient's sessions), then a taper pattern of sessions per
 * calendar week (3, 2, 1 for the standard course). Numbers come from the protocol's reference row.
 */
public record CourseTemplate(int acuteSessions, int sessionsPerWeek, int sessionsPerDay, int minIntervalMinutes,
        List<Integer> taperPattern) {

    public CourseTemplate {
        taperPattern = List.copyOf(taperPattern);
        if (acuteSessions < 1 || sessionsPerWeek < 1 || sessionsPerDay < 1 || minIntervalMinutes < 0
                || taperPattern.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("course template numbers must be positive");
        }
    }

    public int taperSessions() {
        int sum = 0;
        for (int n : taperPattern) {
            sum += n;
        }
        return sum;
    }

    /** The standard length: acute plus taper. */
    public int standardSessions() {
        return acuteSessions + taperSessions();
    }

    public boolean accelerated() {
        return sessionsPerDay > 1;
    }

    /** "3,2,1" to a pattern; an empty text is no taper. */
    public static List<Integer> parsePattern(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    public static String formatPattern(List<Integer> pattern) {
        return String.join(",", pattern.stream().map(String::valueOf).toList());
    }
}
