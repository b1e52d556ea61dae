package clinic.threshold.domain.history;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One number of the assessment rules as stored: its key, its value as text, how sure, where from, and the
 * date from which it applies (an edit adds a newer row; the old one stays for assessments of earlier dates).
 */
public record RuleSetting(String key, String value, Confidence confidence, String source, LocalDate effectiveFrom) {

    /** For each key, the newest row in force on {@code on} (the earliest row when none is yet). */
    public static List<RuleSetting> inForce(List<RuleSetting> all, LocalDate on) {
        Map<String, RuleSetting> chosen = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing(RuleSetting::effectiveFrom)).forEach(r -> {
            RuleSetting current = chosen.get(r.key());
            if (current == null || !r.effectiveFrom().isAfter(on)) {
                chosen.put(r.key(), r);
            }
        });
        return List.copyOf(chosen.values());
    }
}
