package clinic.threshold.domain.patient;

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

    /** The key a name is searched by: upper case, root locale, single spaces. */
    public static String nameKey(String s) {
        String c = clean(s);
        return c == null ? null : c.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
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
