package clinic.threshold.domain.history;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The agents a history can name. Rows carry effective dates: {@link #find(String, LocalDate)} answers with
 * the newest row in force on a date, so an assessment as of a past date uses the numbers of that date.
 */
public final class Formulary {
    private static final int SUGGESTIONS = 3;
    private final List<FormularyAgent> rows;

    public Formulary(List<FormularyAgent> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<FormularyAgent> rows() {
        return rows;
    }

    /** The agent called {@code name} (generic or brand, any case) as in force on {@code on}. */
    public Optional<FormularyAgent> find(String name, LocalDate on) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<FormularyAgent> inForce = rows.stream().filter(a -> a.knownAs(name))
                .filter(a -> !a.effectiveFrom().isAfter(on)).max(Comparator.comparing(FormularyAgent::effectiveFrom));
        // A history older than every row still needs the agent: use its earliest row.
        return inForce.isPresent() ? inForce
                : rows.stream().filter(a -> a.knownAs(name)).min(Comparator.comparing(FormularyAgent::effectiveFrom));
    }

    /** The newest row of every agent (what the formulary screen lists). */
    public List<FormularyAgent> current(LocalDate on) {
        return rows.stream().map(FormularyAgent::genericName).distinct().sorted()
                .map(n -> find(n, on).orElseThrow()).toList();
    }

    /** Up to three generic names closest to a name that matched nothing (for "did you mean"). */
    public List<String> suggestions(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return rows.stream().flatMap(a -> java.util.stream.Stream.concat(java.util.stream.Stream.of(a.genericName()),
                        a.brandNames().stream()).map(x -> new Object[] {a.genericName(), distance(n, x.toLowerCase(Locale.ROOT))}))
                .sorted(Comparator.comparingInt(o -> (Integer) o[1]))
                .filter(o -> (Integer) o[1] <= Math.max(2, n.length() / 2))
                .map(o -> (String) o[0]).distinct().limit(SUGGESTIONS).toList();
    }

    /** Edit distance, with a match on a prefix counted as close (someone typing "sertra"). */
    public static int distance(String a, String b) {
        if (!a.isEmpty() && b.startsWith(a)) {
            return 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
