package clinic.threshold.domain.patient;

import java.text.Normalizer;
import java.util.Locale;

/** Small text helpers shared by patient rules and search keys. */
public final class Text {
    private Text() {
    }

    /** Trimmed text, or null when nothing is left. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Version of {@link #nameKey}: stored keys made by an older version are rebuilt at start. */
    public static final int NAME_KEY_VERSION = 2;

    /**
     * The key a name is searched by: accents folded (Müller finds MULLER), apostrophes dropped (O'Connor
     * finds OCONNOR), other punctuation a space, upper case in the root locale, single spaces.
     */
    public static String nameKey(String s) {
        String c = clean(s);
        if (c == null) {
            return null;
        }
        String folded = Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replaceAll("['\u2019`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return folded.isEmpty() ? c.toUpperCase(Locale.ROOT) : folded.toUpperCase(Locale.ROOT);
    }

    /** Digits only; null when there are none. */
    public static String digits(String s) {
        if (s == null) {
            return null;
        }
        String d = s.replaceAll("\\D", "");
        return d.isEmpty() ? null : d;
    }

    public static String reversed(String s) {
        return s == null ? null : new StringBuilder(s).reverse().toString();
    }
}
