package clinic.threshold.export;

/**
 * RFC 4180 rows ending in CRLF. A field with a comma, a quote or a line break is quoted with its quotes doubled;
 * one starting with = + - @ (or a tab or carriage return) gets a leading {@code '} so that a spreadsheet opening
 * the file shows it as text instead of running it as a formula, the same guard as the audit CSV; a value that is
 * only a phone number ("+1 555 0100") is left as it is, so the reminder service gets a number it can dial.
 */
public final class CsvWriter {
    private static final String FORMULA_START = "=+-@\t\r";
    /** A phone number as typed ("+1 (555) 010-0100"): digits and punctuation only, no formula in it to run. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ().\\-]+");

    private final StringBuilder out = new StringBuilder();

    public CsvWriter row(String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public static String field(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean guarded = FORMULA_START.indexOf(s.charAt(0)) >= 0 && !PHONE.matcher(s).matches();
        String safe = guarded ? "'" + s : s;
        boolean quote = guarded || safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
